package io.reportbot.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a figure of the dataset can be true: every number finite (no NaN, no Infinity), no negative amount or
 * euro figure, no percentage above 100 where the unit is a percentage (but a rise), a direction only "up" or "down" on
 * a percentage, a year-on-year change above -100 % (a
 * fall of 100 % or more leaves nothing, and the previous year's figure computed from it would be infinite or
 * negative), a share of the national total above 0 and at most 100 %. Run at load so that a broken dataset
 * stops the start with the fact named, instead of failing later inside an answer. Stateless.
 */
final class ValueCheck {

    private ValueCheck() {
    }

    /** What is wrong with one value, each problem a phrase naming the value ({@code value "count": ...}). */
    static List<String> problems(String key, Value v) {
        List<String> p = new ArrayList<>();
        String at = "value \"" + key + "\"";
        if (!Double.isFinite(v.amount())) {
            p.add(at + ": the amount is " + v.amount() + ", not a number");
        } else if (v.amount() < 0) {
            p.add(at + ": the amount " + plain(v.amount()) + " is negative");
        } else if ("percent".equals(v.unit()) && v.amount() > 100 && !"up".equals(v.direction())) {
            p.add(at + ": " + plain(v.amount()) + " percent is over 100");
        }
        if (v.direction() != null && !(("up".equals(v.direction()) || "down".equals(v.direction()))
                && "percent".equals(v.unit()))) {
            p.add(at + ": direction \"" + v.direction() + "\" must be \"up\" or \"down\", on a value in percent");
        } else if ("down".equals(v.direction()) && v.amount() >= 100) {
            p.add(at + ": a fall of " + plain(v.amount()) + " % is impossible (a fall of 100 % or more leaves nothing)");
        }
        if (v.eur() != null) {
            if (!Double.isFinite(v.eur())) {
                p.add(at + ": the euro figure is " + v.eur() + ", not a number");
            } else if (v.eur() < 0) {
                p.add(at + ": the euro figure " + plain(v.eur()) + " is negative");
            }
        }
        if (v.yoy() != null) {
            double g = v.yoy().percent();
            if (!Double.isFinite(g)) {
                p.add(at + ": the growth is " + g + ", not a number");
            } else if (g <= -100) {
                p.add(at + ": a growth of " + plain(g) + " % is impossible (a fall of 100 % or more leaves nothing)");
            }
        }
        if (v.share() != null) {
            double s = v.share().percent();
            if (!Double.isFinite(s)) {
                p.add(at + ": the share is " + s + ", not a number");
            } else if (s <= 0 || s > 100) {
                p.add(at + ": a share of " + plain(s) + " % is impossible (it must be above 0 and at most 100)");
            }
        }
        return p;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
