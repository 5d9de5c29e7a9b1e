// SPDX-License-Identifier: MIT
#include "analysis/intervention_effect.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <utility>

namespace safermap::analysis {

namespace {

struct Named {
    const char* name;
    double value;
};

void require(const Named& n, bool ok, const char* rule) {
    if (!ok) throw ConfigError(fmt::format("intervention: {} must be {} (got {})", n.name, rule, n.value));
}

std::optional<double> change_pct(double before, double after, const InterventionCounts& c) {
    if (before == 0) return std::nullopt;
    const double rate_before = before / c.before_months, rate_after = after / c.after_months;
    return 100 * (rate_after - rate_before) / rate_before;
}

WdqReading read_wdq(double wdq) {
    // Guerette (2009) Appendix C. Exact zero only happens when the buffer's share of the control
    // did not move at all; allow for rounding in the two divisions.
    if (std::abs(wdq) < 1e-12) return WdqReading::no_effect;
    if (wdq > 1) return WdqReading::diffusion_exceeds_benefit;
    if (wdq > 0) return WdqReading::diffusion;
    if (wdq >= -1) return WdqReading::displacement;
    return WdqReading::displacement_exceeds_benefit;
}

} // namespace

void InterventionCounts::validate() const {
    for (const Named& n : {Named{"treatment_before", treatment_before}, Named{"treatment_after", treatment_after},
                           Named{"buffer_before", buffer_before}, Named{"buffer_after", buffer_after},
                           Named{"control_before", control_before}, Named{"control_after", control_after}})
        require(n, std::isfinite(n.value) && n.value >= 0, "a number >= 0");
    require({"before_months", before_months}, std::isfinite(before_months) && before_months > 0, "> 0");
    require({"after_months", after_months}, std::isfinite(after_months) && after_months > 0, "> 0");
    require({"variance_inflation", variance_inflation}, std::isfinite(variance_inflation) && variance_inflation > 0, "> 0");
}

const char* describe(WdqReading reading) {
    switch (reading) {
    case WdqReading::not_interpretable:
        return "not interpretable: the treatment area did not improve relative to the control (success measure >= 0)";
    case WdqReading::diffusion_exceeds_benefit:
        return "diffusion of benefits greater than the direct effect (WDQ > 1)";
    case WdqReading::diffusion:
        return "diffusion of benefits: the buffer improved too, amplifying the direct effect (0 < WDQ <= 1)";
    case WdqReading::no_effect:
        return "no displacement and no diffusion of benefits (WDQ = 0)";
    case WdqReading::displacement:
        return "displacement, but smaller than the direct benefit: the scheme still had a net benefit (-1 <= WDQ < 0)";
    case WdqReading::displacement_exceeds_benefit:
        return "displacement greater than the direct benefit: the scheme was counter-productive (WDQ < -1)";
    }
    return "";
}

InterventionEffect evaluate_intervention(const InterventionCounts& c) {
    c.validate();
    InterventionEffect e;
    auto warn = [&](std::string text) { e.warnings.push_back(std::move(text)); };
    // Named as in Guerette (2009): R response (treatment), B buffer, C control; b before, a after.
    const double Rb = c.treatment_before, Ra = c.treatment_after, Bb = c.buffer_before, Ba = c.buffer_after;
    const double Cb = c.control_before, Ca = c.control_after;

    e.treatment_change_pct = change_pct(Rb, Ra, c);
    e.buffer_change_pct = change_pct(Bb, Ba, c);
    e.control_change_pct = change_pct(Cb, Ca, c);
    if (Rb == 0) warn("treatment_before is 0: no percentage change for the treatment area");
    if (Bb == 0) warn("buffer_before is 0: no percentage change for the buffer");

    // Success measure, buffer displacement measure and WDQ (Bowers & Johnson 2003).
    if (Cb == 0) warn("control_before is 0: the success measure, buffer displacement measure, WDQ and total net "
                      "effect divide by it and are not computed");
    if (Ca == 0) warn("control_after is 0: the success measure, buffer displacement measure and WDQ divide by it and "
                      "are not computed");
    if (Cb > 0 && Ca > 0) {
        const double sm = Ra / Ca - Rb / Cb, bdm = Ba / Ca - Bb / Cb;
        e.success_measure = sm;
        e.buffer_displacement_measure = bdm;
        if (sm < 0) {
            e.wdq = bdm / sm;
            e.wdq_reading = read_wdq(*e.wdq);
        } else {
            warn(fmt::format("success measure is {:.4g} (>= 0): the treatment area did not improve relative to the "
                             "control, so the WDQ is not interpretable and is not reported (Bowers & Johnson 2003)", sm));
        }
    }

    // Total net effect (Guerette 2009, eq. 4): expected from the control's trend minus observed.
    if (Cb > 0) {
        const double trend = Ca / Cb;
        e.net_effect_treatment = Rb * trend - Ra;
        e.net_effect_buffer = Bb * trend - Ba;
        e.total_net_effect = *e.net_effect_treatment + *e.net_effect_buffer;
    }

    // Odds ratio (Welsh & Farrington): every one of its four counts is a factor of ln OR's variance.
    std::string zero;
    int zeros = 0;
    for (const Named& n : {Named{"treatment_before", Rb}, Named{"treatment_after", Ra}, Named{"control_before", Cb},
                           Named{"control_after", Ca}})
        if (n.value == 0) zero += fmt::format("{}{}", zeros++ ? ", " : "", n.name);
    if (zeros > 0) {
        warn(fmt::format("{} {} 0: the odds ratio and its confidence interval are not computed", zero, zeros > 1 ? "are" : "is"));
    } else {
        e.odds_ratio = (Rb * Ca) / (Ra * Cb);
        if (c.harm_weighted) {
            warn("values are harm-weighted sums, not counts: the odds ratio's confidence interval (a Poisson "
                 "variance) does not apply and is not reported; evaluate the unweighted counts for it");
        } else {
            const double var = c.variance_inflation * (1 / Rb + 1 / Ra + 1 / Cb + 1 / Ca);
            const double half = 1.96 * std::sqrt(var), log_or = std::log(*e.odds_ratio);
            e.log_odds_ratio_variance = var;
            e.odds_ratio_ci_low = std::exp(log_or - half);
            e.odds_ratio_ci_high = std::exp(log_or + half);
        }
    }

    // Reliability. Harm-weighted sums say nothing about how many crimes lie behind them.
    if (c.harm_weighted) {
        warn("values are harm-weighted sums: small-count checks cannot be made from them; check the unweighted counts");
    } else {
        std::string small;
        for (const Named& n : {Named{"treatment_before", Rb}, Named{"treatment_after", Ra}, Named{"control_before", Cb},
                               Named{"control_after", Ca}})
            if (n.value > 0 && n.value < k_min_odds_ratio_count) small += fmt::format("{}{} = {:g}", small.empty() ? "" : ", ", n.name, n.value);
        if (!small.empty())
            warn(fmt::format("{} below {:g}: the odds ratio and its confidence interval are unreliable", small, k_min_odds_ratio_count));
        if (Rb > 0 && Rb < k_min_treatment_before)
            warn(fmt::format("treatment_before = {:g} is below {:g}: chance alone moves a count this small by about {:.0f}% "
                             "(1/sqrt(n)), so every measure here is unreliable", Rb, k_min_treatment_before, 100 / std::sqrt(Rb)));
    }

    // Windows.
    if (c.before_months < k_min_window_months || c.after_months < k_min_window_months)
        warn(fmt::format("a window is shorter than {:g} months (before {:g}, after {:g}): seasonality and chance can "
                         "dominate the change", k_min_window_months, c.before_months, c.after_months));
    if (c.before_months != c.after_months)
        warn(fmt::format("the windows differ (before {:g} months, after {:g}): percentage changes compare per-month "
                         "rates; the WDQ, total net effect (in after-window crimes) and odds ratio rely on the control "
                         "to absorb the difference, which holds only if it shares the treatment area's seasonality",
                         c.before_months, c.after_months));
    return e;
}

} // namespace safermap::analysis
