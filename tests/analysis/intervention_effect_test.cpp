// SPDX-License-Identifier: MIT
#include "analysis/intervention_effect.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace safermap;
using namespace safermap::analysis;

namespace {

InterventionCounts counts(double rb, double ra, double bb, double ba, double cb, double ca) {
    InterventionCounts c;
    c.treatment_before = rb, c.treatment_after = ra;
    c.buffer_before = bb, c.buffer_after = ba;
    c.control_before = cb, c.control_after = ca;
    return c;
}

bool has_warning(const InterventionEffect& e, const std::string& part) {
    return std::any_of(e.warnings.begin(), e.warnings.end(), [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("hand-worked intervention: diffusion of benefits", "[analysis][intervention]") {
    // Rb=100, Ra=60, Bb=80, Ba=70, Cb=200, Ca=190, 12 months each side. By hand:
    //   % change: treatment (60-100)/100 = -40%; buffer (70-80)/80 = -12.5%; control (190-200)/200 = -5%
    //   SM  = 60/190 - 100/200 = (60 - 95)/190 = -35/190 = -0.1842105263
    //   BDM = 70/190 -  80/200 = (70 - 76)/190 =  -6/190 = -0.0315789474
    //   WDQ = BDM/SM = 6/35 = 0.1714285714 -> 0 < WDQ <= 1: diffusion of benefits
    //   TNE = (100*190/200 - 60) + (80*190/200 - 70) = (95 - 60) + (76 - 70) = 35 + 6 = 41
    //   OR  = (100*190)/(60*200) = 19000/12000 = 1.5833333333; ln OR = 0.4595323294
    //   Var = 1/100 + 1/60 + 1/200 + 1/190 = 0.01 + 0.0166666667 + 0.005 + 0.0052631579 = 0.0369298246
    //   1.96*sqrt(Var) = 1.96*0.1921713417 = 0.3766558297
    //   CI  = exp(0.4595323294 -/+ 0.3766558297) = exp(0.0828764997), exp(0.8361881591) = 1.0864076, 2.3075542
    const InterventionEffect e = evaluate_intervention(counts(100, 60, 80, 70, 200, 190));
    CHECK(*e.treatment_change_pct == Approx(-40.0).margin(1e-9));
    CHECK(*e.buffer_change_pct == Approx(-12.5).margin(1e-9));
    CHECK(*e.control_change_pct == Approx(-5.0).margin(1e-9));
    CHECK(*e.success_measure == Approx(-0.1842105263).margin(1e-9));
    CHECK(*e.buffer_displacement_measure == Approx(-0.0315789474).margin(1e-9));
    CHECK(*e.wdq == Approx(0.1714285714).margin(1e-9));
    CHECK(e.wdq_reading == WdqReading::diffusion);
    CHECK(*e.total_net_effect == Approx(41.0).margin(1e-9));
    CHECK(*e.net_effect_treatment == Approx(35.0).margin(1e-9));
    CHECK(*e.net_effect_buffer == Approx(6.0).margin(1e-9));
    CHECK(*e.odds_ratio == Approx(1.5833333333).margin(1e-9));
    CHECK(*e.log_odds_ratio_variance == Approx(0.0369298246).margin(1e-9));
    CHECK(*e.odds_ratio_ci_low == Approx(1.0864076).margin(1e-6));
    CHECK(*e.odds_ratio_ci_high == Approx(2.3075542).margin(1e-6));
    CHECK(e.warnings.empty());
}

TEST_CASE("Guerette (2009) Appendix D: Lancashire 'MOPPIN up Dodge'", "[analysis][intervention]") {
    // Published inputs: response 207 -> 110, buffer 178 -> 157, control 308 -> 318
    // (popcenter.asu.edu/tools/displacement/12). Published: GE = 97; NE = 207/308 - 110/318 = .326
    // (our success measure is -NE); TNE = [207(318/308) - 110] + [178(318/308) - 157] = 130.5.
    // The guide prints WDQ = .411, which its own formula (3) does not give for these inputs:
    //   (157/318 - 178/308) / (110/318 - 207/308) = (0.4937107 - 0.5779221) / (0.3459119 - 0.6720779)
    //   = -0.0842114 / -0.3261660 = 0.2581857 (still 0 < WDQ < 1: diffusion, as the guide concludes).
    const InterventionEffect e = evaluate_intervention(counts(207, 110, 178, 157, 308, 318));
    CHECK(-*e.success_measure == Approx(0.326).margin(0.0005));
    CHECK(*e.total_net_effect == Approx(130.5).margin(0.05));
    CHECK(*e.wdq == Approx(0.2581857).margin(1e-6));
    CHECK(e.wdq_reading == WdqReading::diffusion);
    // OR = 207*318 / (110*308) = 65826/33880 = 1.9429162; Var = 1/207+1/110+1/308+1/318 = 0.0203132
    CHECK(*e.odds_ratio == Approx(1.9429162).margin(1e-6));
    CHECK(*e.log_odds_ratio_variance == Approx(0.0203132).margin(1e-6));
}

TEST_CASE("WDQ readings follow Guerette's Appendix C", "[analysis][intervention]") {
    // Rb=50, Ra=30, Bb=40, Ba=70, Cb=Ca=100: SM = 0.3 - 0.5 = -0.2; BDM = 0.7 - 0.4 = 0.3;
    // WDQ = -1.5 -> counter-productive; TNE = (50 - 30) + (40 - 70) = -10 (more crime than expected).
    InterventionEffect bad = evaluate_intervention(counts(50, 30, 40, 70, 100, 100));
    CHECK(*bad.wdq == Approx(-1.5).margin(1e-12));
    CHECK(bad.wdq_reading == WdqReading::displacement_exceeds_benefit);
    CHECK(*bad.total_net_effect == Approx(-10).margin(1e-12));
    // Ba = 45: BDM = 0.45 - 0.4 = 0.05, WDQ = -0.25: displacement smaller than the benefit.
    CHECK(evaluate_intervention(counts(50, 30, 40, 45, 100, 100)).wdq_reading == WdqReading::displacement);
    // Ba = 40: BDM = 0, WDQ = 0.
    CHECK(evaluate_intervention(counts(50, 30, 40, 40, 100, 100)).wdq_reading == WdqReading::no_effect);
    // Ba = 10: BDM = 0.1 - 0.4 = -0.3, WDQ = 1.5: diffusion greater than the direct effect.
    CHECK(evaluate_intervention(counts(50, 30, 40, 10, 100, 100)).wdq_reading == WdqReading::diffusion_exceeds_benefit);
    // Treatment rose relative to control: SM = 0.6 - 0.5 = 0.1 >= 0 -> WDQ not reported.
    InterventionEffect failed = evaluate_intervention(counts(50, 60, 40, 10, 100, 100));
    CHECK(*failed.success_measure == Approx(0.1).margin(1e-12));
    CHECK_FALSE(failed.wdq);
    CHECK(failed.wdq_reading == WdqReading::not_interpretable);
    CHECK(has_warning(failed, "not interpretable"));
    CHECK(std::string(describe(WdqReading::displacement_exceeds_benefit)).find("counter-productive") != std::string::npos);
}

TEST_CASE("zero counts give nulls and warnings naming the count", "[analysis][intervention]") {
    InterventionEffect no_cb = evaluate_intervention(counts(50, 30, 40, 45, 0, 100));
    CHECK_FALSE(no_cb.success_measure);
    CHECK_FALSE(no_cb.wdq);
    CHECK_FALSE(no_cb.total_net_effect);
    CHECK_FALSE(no_cb.odds_ratio);
    CHECK_FALSE(no_cb.control_change_pct);
    CHECK(*no_cb.treatment_change_pct == Approx(-40).margin(1e-9));
    CHECK(has_warning(no_cb, "control_before is 0"));

    // Ra = 0: SM and TNE are fine (Ra is never a divisor), the OR is not.
    InterventionEffect no_ra = evaluate_intervention(counts(50, 0, 40, 45, 100, 100));
    CHECK(*no_ra.success_measure == Approx(-0.5).margin(1e-12));
    CHECK(*no_ra.total_net_effect == Approx(50 - 5).margin(1e-12));
    CHECK_FALSE(no_ra.odds_ratio);
    CHECK_FALSE(no_ra.odds_ratio_ci_low);
    CHECK(has_warning(no_ra, "treatment_after is 0: the odds ratio"));

    InterventionEffect no_rb_ca = evaluate_intervention(counts(0, 5, 40, 45, 100, 0));
    CHECK_FALSE(no_rb_ca.treatment_change_pct);
    CHECK_FALSE(no_rb_ca.wdq);
    CHECK(has_warning(no_rb_ca, "treatment_before, control_after are 0"));
    CHECK(has_warning(no_rb_ca, "control_after is 0"));
}

TEST_CASE("small counts, harm weights and windows are flagged", "[analysis][intervention]") {
    // Rb=12, Ra=4: OR = 12*100/(4*100) = 3; Var = 1/12 + 1/4 + 2/100 = 0.3533333.
    InterventionEffect tiny = evaluate_intervention(counts(12, 4, 40, 45, 100, 100));
    CHECK(*tiny.odds_ratio == Approx(3.0).margin(1e-12));
    CHECK(*tiny.log_odds_ratio_variance == Approx(0.3533333).margin(1e-6));
    CHECK(has_warning(tiny, "treatment_after = 4 below 5"));
    CHECK(has_warning(tiny, "treatment_before = 12 is below 20"));

    InterventionCounts harm = counts(1000, 600, 800, 700, 2000, 1900);
    harm.harm_weighted = true;
    InterventionEffect h = evaluate_intervention(harm);
    CHECK(*h.wdq == Approx(6.0 / 35).margin(1e-9)); // scale-free: same as the count example
    CHECK(*h.odds_ratio == Approx(1.5833333333).margin(1e-9));
    CHECK_FALSE(h.odds_ratio_ci_low);
    CHECK(has_warning(h, "harm-weighted"));

    // 24 months before, 2 after: the % change compares per-month rates (100/24 -> 20/2); the OR
    // uses the raw counts, as its Poisson variance needs. Overdispersion 2 doubles the variance.
    InterventionCounts windows = counts(100, 20, 80, 17.5, 200, 47.5);
    windows.before_months = 24, windows.after_months = 2;
    windows.variance_inflation = 2;
    InterventionEffect w = evaluate_intervention(windows);
    CHECK(*w.treatment_change_pct == Approx(100.0 * ((20.0 / 2) - (100.0 / 24)) / (100.0 / 24)).margin(1e-9));
    CHECK(*w.odds_ratio == Approx(100 * 47.5 / (20 * 200)).margin(1e-12));
    CHECK(*w.log_odds_ratio_variance == Approx(2 * (1.0 / 100 + 1.0 / 20 + 1.0 / 200 + 1.0 / 47.5)).margin(1e-12));
    CHECK(has_warning(w, "shorter than 3 months"));
    CHECK(has_warning(w, "the windows differ"));

    InterventionCounts negative = counts(-1, 5, 5, 5, 5, 5);
    REQUIRE_THROWS_AS(evaluate_intervention(negative), ConfigError);
    REQUIRE_THROWS_WITH(evaluate_intervention(negative), Catch::Contains("treatment_before"));
    InterventionCounts no_window = counts(1, 5, 5, 5, 5, 5);
    no_window.after_months = 0;
    REQUIRE_THROWS_WITH(evaluate_intervention(no_window), Catch::Contains("after_months must be > 0"));
}
