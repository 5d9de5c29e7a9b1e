// SPDX-License-Identifier: MIT
#pragma once
// Before/after evaluation of a place-based intervention against a buffer and a control area:
// percentage changes, the Weighted Displacement Quotient (Bowers & Johnson 2003), the Total Net
// Effect (Guerette 2009) and the odds ratio with its 95% CI (Welsh & Farrington 2002).
//
// Sources, as read for this file:
// - Bowers, K.J. & Johnson, S.D. (2003) "Measuring the geographical displacement and diffusion
//   of benefit effects of crime prevention activity", J. Quantitative Criminology 19(3) 275-301.
// - Guerette, R.T. (2009) "Analyzing Crime Displacement and Diffusion", POP Center Tool Guide
//   No. 10: Appendix B (formulas (1)-(4)), Appendix C (interpretation table), Appendix D
//   (worked Lancashire example). https://popcenter.asu.edu/tools/displacement/10 .. /12
// - Farrington, Gill, Waples & Argomaniz (2007) J. Experimental Criminology 3, Appendix
//   "Measuring effect sizes" (doi:10.1007/s11292-007-9024-2), after Welsh & Farrington (2002):
//   OR = (a*d)/(b*c), Var(ln OR) = 1/a + 1/b + 1/c + 1/d under a Poisson assumption.

#include <optional>
#include <string>
#include <vector>

namespace safermap::analysis {

// Crimes (or harm-weighted sums of crimes) in three disjoint areas over a window before and a
// window after the intervention started. The buffer is where crime could be displaced to; the
// control is far enough away to be unaffected but subject to the same background trend.
struct InterventionCounts {
    double treatment_before = 0, treatment_after = 0; // Rb, Ra
    double buffer_before = 0, buffer_after = 0;       // Bb, Ba (Guerette's Db, Da)
    double control_before = 0, control_after = 0;     // Cb, Ca
    double before_months = 12, after_months = 12;     // window lengths; fractions allowed (12 weeks = 2.76)
    // True when the six values are harm-weighted sums, not counts: the point estimates stay
    // valid, but the OR's CI (a Poisson variance) and the small-count checks do not apply.
    bool harm_weighted = false;
    // Multiplies Var(ln OR) for overdispersed counts (Farrington & Welsh estimate it from the
    // data; Marchant 2004 argues it is well above 1). 1 = pure Poisson, as in the 2002 review.
    double variance_inflation = 1;

    // Throws ConfigError ("intervention: treatment_before must be a number >= 0 (got -3)") for a
    // negative or non-finite count, a window that is not > 0 months, or variance_inflation <= 0.
    void validate() const;
};

// How Guerette (2009, Appendix C) reads a WDQ; meaningful only when the success measure < 0.
enum class WdqReading {
    not_interpretable,          // success measure >= 0 (the scheme did not beat the control) or no WDQ
    diffusion_exceeds_benefit,  // WDQ > 1: the buffer improved by more than the treatment area
    diffusion,                  // 0 < WDQ <= 1: diffusion of benefits; the direct effect is amplified
    no_effect,                  // WDQ = 0: neither displacement nor diffusion
    displacement,               // -1 <= WDQ < 0: displacement, not greater than the direct benefit
    displacement_exceeds_benefit, // WDQ < -1: displacement erased the direct benefit (counter-productive)
};

// One short English sentence for `reading`, for summaries.
const char* describe(WdqReading reading);

// Every measure is std::nullopt when it cannot be computed (a zero count in a denominator, a
// failed precondition); `warnings` then says which count and why. Warnings also flag estimates
// that can be computed but are unreliable (small counts, short or unequal windows).
struct InterventionEffect {
    // Percentage change per month: 100 * (after/after_months - before/before_months) / (before/before_months).
    // Equals the plain change in counts when the windows are equal. Null when before is 0.
    std::optional<double> treatment_change_pct, buffer_change_pct, control_change_pct;

    // Bowers & Johnson (2003); Guerette (2009) eq. (3):
    //   success_measure (SM, the WDQ's denominator) = Ra/Ca - Rb/Cb   (< 0: treatment improved relative to control)
    //   buffer_displacement_measure (BDM, numerator) = Ba/Ca - Bb/Cb  (> 0: possible displacement; < 0: possible diffusion)
    //   wdq = BDM / SM, reported only when SM < 0 (otherwise `wdq_reading` is not_interpretable).
    std::optional<double> success_measure, buffer_displacement_measure, wdq;
    WdqReading wdq_reading = WdqReading::not_interpretable;

    // Guerette (2009) eq. (4): TNE = [Rb*(Ca/Cb) - Ra] + [Bb*(Ca/Cb) - Ba], in crimes (or harm) of
    // the after window. Positive = crimes prevented (expected from the control's trend minus
    // observed); negative = more crimes than expected. Split into its treatment and buffer terms.
    std::optional<double> total_net_effect, net_effect_treatment, net_effect_buffer;

    // Welsh & Farrington: OR = (Rb*Ca) / (Ra*Cb); > 1 means the intervention is associated with
    // a reduction relative to the control. CI = exp(ln OR -/+ 1.96 sqrt(Var)), with
    // Var(ln OR) = variance_inflation * (1/Rb + 1/Ra + 1/Cb + 1/Ca). The CI is null for
    // harm-weighted input.
    std::optional<double> odds_ratio, log_odds_ratio_variance, odds_ratio_ci_low, odds_ratio_ci_high;

    std::vector<std::string> warnings;
};

// Small-count thresholds used for the warnings (documented so that summaries can quote them).
inline constexpr double k_min_odds_ratio_count = 5;     // any of Rb, Ra, Cb, Ca below this: OR unreliable
inline constexpr double k_min_treatment_before = 20;   // Rb below this: Poisson noise (1/sqrt(20) = 22%) rivals typical effects
inline constexpr double k_min_window_months = 3;       // either window shorter than this: seasonality and chance dominate

// Computes every measure it can. Throws ConfigError when counts.validate() does; never throws
// for zeros (they give nulls and warnings). Window lengths: the WDQ, TNE and OR compare each
// area with the control within the same window, so unequal windows cancel out of them; the
// percentage changes compare per-month rates. Unequal or short windows still get a warning,
// because the control only absorbs the difference if it shares the treatment area's seasonality.
InterventionEffect evaluate_intervention(const InterventionCounts& counts);

} // namespace safermap::analysis
