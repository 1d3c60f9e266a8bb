package io.reportbot.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile and odd inputs for {@link EngineFuzzTest} from a seeded {@link SplittableRandom}, so that a
 * failing run can be repeated exactly with its seed. Not thread-safe (one per test).
 *
 * <p>Each input comes with what the engine must do with it: anything (but in German or English), a fallback (it
 * is no question about the report), or an answer in a given language (the text is clearly German or English).
 */
final class FuzzInputs {

    /** What a generated input demands of the reply, besides never failing. */
    enum Expect {
        /** Any reply in German or English. */
        ANY,
        /** A fallback: the input has no words at all (emoji, control characters, empty, huge). */
        FALLBACK,
        /** No figure from the report: a fallback or small talk, no facts and no sources (gibberish with letters). */
        NO_FACTS,
        /** An answer in German: the input is a real German question of three words or more. */
        GERMAN,
        /** An answer in English, likewise. */
        ENGLISH,
        /** Not a "yes": the input claims a figure no fact of the report has (a wrong scale, an absurd amount). */
        NOT_YES,
        /** The same intent as the question without look-alike letters ({@link Case#clean}). */
        SAME_AS_CLEAN
    }

    /**
     * One generated input.
     *
     * @param kind      the generator that made it (for the failure report and the statistics)
     * @param text      the input
     * @param expect    what the reply must be
     * @param forbidden strings the reply must not contain: what the input would become if something interpreted it
     */
    record Case(String kind, String text, Expect expect, List<String> forbidden, String clean) {
        Case(String kind, String text, Expect expect, List<String> forbidden) {
            this(kind, text, expect, forbidden, null);
        }
    }

    /**
     * A string that means something to a template engine, a formatter, a logger or a database, with what it
     * turns into when interpreted (empty: no distinctive result to look for).
     */
    record Payload(String text, List<String> results) {
    }

    static final List<Payload> PAYLOADS = List.of(
            new Payload("{{7*7}}", List.of("49")),
            new Payload("${7*7}", List.of("49")),
            new Payload("#{7*7}", List.of("49")),
            new Payload("<%= 7*7 %>", List.of("49")),
            new Payload("{{7*'7'}}", List.of("49", "7777777")),
            new Payload("#{1+1}", List.of()),
            new Payload("${jndi:ldap://127.0.0.1:1/x}", List.of("javax.naming", "com.sun.jndi")),
            new Payload("${jndi:dns://x.invalid/a}", List.of("javax.naming", "com.sun.jndi")),
            new Payload("${java:version}", List.of("Java version " + System.getProperty("java.version"))),
            new Payload("${sys:java.home}", List.of(System.getProperty("java.home"))),
            new Payload("${env:PATH}", List.of(String.valueOf(System.getenv("PATH")))),
            new Payload("${sys:user.dir}", List.of(System.getProperty("user.dir"))),
            new Payload("%s%n%d%x%%", List.of()),
            new Payload("%1$s %2$tY %n", List.of()),
            new Payload("{0} {1} {2} '{' }", List.of()),
            new Payload("{{constructor.constructor('return process')()}}", List.of()),
            new Payload("'; DROP TABLE reports; --", List.of()),
            new Payload("1' OR '1'='1", List.of()),
            new Payload("\" UNION SELECT password FROM users --", List.of()),
            new Payload("../../../../etc/passwd", List.of("root:x:0:0")),
            new Payload("$(id)", List.of("uid=")),
            new Payload("`cat /etc/hostname`", List.of()),
            new Payload("\\u0000\\n\\r", List.of()),
            new Payload("<script>alert(1)</script>", List.of()),
            new Payload("<img src=x onerror=alert(1)>", List.of()),
            new Payload("[klick](javascript:alert(1))", List.of()),
            new Payload("**fett** _kursiv_ `code` ~~weg~~", List.of()),
            new Payload("```\nSELECT * FROM facts;\n```", List.of()),
            new Payload("<b>bold</b> &lt;i&gt; &amp; &#x41;", List.of()),
            new Payload("| a | b |\n|---|---|\n| 1 | 2 |", List.of()));

    private static final String[] EMOJI = {"😀", "🤖", "🦄", "🇩🇪", "🇬🇧", "👍🏽", "👩‍💻", "🏳️‍🌈", "❤️", "🔥", "💶",
            "🧑🏿‍🔬", "🫠", "1️⃣", "#️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"};
    private static final String[] ARABIC = {"كم", "عدد", "الشركات", "في", "بكين", "الذكاء", "الاصطناعي", "؟"};
    private static final String[] HEBREW = {"כמה", "חברות", "בבייג׳ינג", "בינה", "מלאכותית", "יש", "?"};
    private static final char[] BIDI = {'\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066',
            '\u2067', '\u2068', '\u2069', '\u061C'};
    private static final String[] SMALL_DE = {"und", "die", "wie", "viele", "gibt", "es", "in", "Peking", "der",
            "Bericht", "KI", "Firmen"};
    private static final String[] SMALL_EN = {"and", "the", "how", "many", "are", "there", "in", "Beijing", "report",
            "AI", "companies", "what"};

    private final SplittableRandom random;
    private final List<String> german;
    private final List<String> english;

    /**
     * @param seed    the seed; the same seed gives the same inputs
     * @param german  real German questions (the engine's examples) to mutate
     * @param english real English questions to mutate
     */
    FuzzInputs(long seed, List<String> german, List<String> english) {
        this.random = new SplittableRandom(seed);
        this.german = List.copyOf(german);
        this.english = List.copyOf(english);
    }

    /** The next input, from one of the generators picked at random. */
    Case next() {
        int pick = random.nextInt(100);
        if (pick < 10) {
            return new Case("unicode", randomUnicode(1 + random.nextInt(80)), Expect.NO_FACTS, List.of());
        } else if (pick < 15) {
            return new Case("combining", combining(), Expect.ANY, List.of());
        } else if (pick < 21) {
            return new Case("emoji", emojiOnly(), Expect.FALLBACK, List.of());
        } else if (pick < 27) {
            return new Case("rtl", rtl(), Expect.NO_FACTS, List.of());
        } else if (pick < 33) {
            return new Case("control", controls(), Expect.FALLBACK, List.of());
        } else if (pick < 34) {
            return new Case("huge", huge(), Expect.FALLBACK, List.of());
        } else if (pick < 42) {
            Payload p = payload();
            // the classifier may take some for small talk or even the overview ("SELECT * FROM facts"): not checked
            return new Case("payload", p.text(), Expect.ANY, p.results());
        } else if (pick < 62) {
            return clearQuestion();
        } else if (pick < 72) {
            return new Case("mixed", mixed(), Expect.ANY, List.of());
        } else if (pick < 82) {
            return new Case("mutated", mutate(question(random.nextBoolean())), Expect.ANY, List.of());
        } else if (pick < 86) {
            return claim();
        } else if (pick < 89) {
            return new Case("units", units(), Expect.ANY, List.of());
        } else if (pick < 92) {
            return homoglyphs();
        } else if (pick < 96) {
            return new Case("words", words(), Expect.ANY, List.of());
        } else {
            return new Case("lone-surrogates", loneSurrogates(), Expect.ANY, List.of());
        }
    }

    /**
     * A real question that is clearly German or English (see {@link #clearly}), decorated in a way that leaves its
     * language clear; the answer must be in it. (Examples such as "Milliardenstartups" or "Unicorns in Peking" are not
     * clear enough to demand that.)
     */
    private Case clearQuestion() {
        boolean de = random.nextBoolean();
        String q = question(de);
        while (!clearly(de, q)) {
            q = question(de);
        }
        int words = q.trim().split("\\s+").length;
        Payload p = payload();
        int decoration = random.nextInt(8);
        String text = switch (decoration) {
            case 0 -> q;
            case 1 -> q + " " + p.text();
            case 2 -> p.text() + " " + q;
            case 3 -> "<b>" + q + "</b>";
            case 4 -> "**" + q + "** " + emoji();
            case 5 -> q.toUpperCase(java.util.Locale.ROOT);
            case 6 -> "  \t" + q.replace(" ", "   ") + "\n\n";
            default -> q + " " + emoji() + emoji();
        };
        boolean withPayload = decoration == 1 || decoration == 2;
        // a payload brings English-looking words ("OR", "SELECT", "user"): only a longer question stays clear
        Expect expect = withPayload && words < 6 ? Expect.ANY : de ? Expect.GERMAN : Expect.ENGLISH;
        return new Case("clear-" + (de ? "de" : "en"), text, expect, withPayload ? p.results() : List.of());
    }

    private static final java.util.Set<String> FUNCTION_DE = java.util.Set.of("wie", "was", "welche", "welcher",
            "gibt", "der", "die", "das", "ist", "sind", "hat", "haben", "viele", "wird", "wurde", "es", "ein", "eine");
    private static final java.util.Set<String> FUNCTION_EN = java.util.Set.of("how", "what", "which", "the", "is",
            "are", "does", "do", "many", "much", "there", "has", "have", "was", "were", "a", "an");

    /** Three words or more, with a function word of its own language and none of the other one's. */
    static boolean clearly(boolean german, String question) {
        List<String> words = List.of(question.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+"));
        java.util.Set<String> own = german ? FUNCTION_DE : FUNCTION_EN;
        java.util.Set<String> other = german ? FUNCTION_EN : FUNCTION_DE;
        return words.size() >= 3 && words.stream().anyMatch(own::contains)
                && words.stream().noneMatch(w -> other.contains(w) && !own.contains(w));
    }

    private String question(boolean de) {
        List<String> from = de ? german : english;
        return from.get(random.nextInt(from.size()));
    }

    private Payload payload() {
        return PAYLOADS.get(random.nextInt(PAYLOADS.size()));
    }

    private String emoji() {
        return EMOJI[random.nextInt(EMOJI.length)];
    }

    /** Valid code points from every plane (supplementary ones as surrogate pairs), assigned or not. */
    String randomUnicode(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.codePointCount(0, sb.length()) < length) {
            int cp = switch (random.nextInt(6)) {
                case 0 -> 0x20 + random.nextInt(0x250); // Latin and symbols
                case 1 -> 0x370 + random.nextInt(0x2000 - 0x370); // Greek .. Ethiopic ..
                case 2 -> 0x3000 + random.nextInt(0xD7FF - 0x3000); // CJK, Hangul
                case 3 -> 0xE000 + random.nextInt(0x10000 - 0xE000); // private use, compatibility, specials
                case 4 -> 0x10000 + random.nextInt(0x30000); // planes 1-3: emoji, historic scripts, CJK ext.
                default -> 0x30000 + random.nextInt(0x110000 - 0x30000); // planes 3-16
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private String combining() {
        StringBuilder sb = new StringBuilder();
        String base = question(random.nextBoolean());
        base.codePoints().forEach(cp -> {
            sb.appendCodePoint(cp);
            int marks = random.nextInt(4) == 0 ? 1 + random.nextInt(12) : 0;
            for (int i = 0; i < marks; i++) {
                sb.appendCodePoint(0x300 + random.nextInt(0x70)); // combining diacritical marks ("Zalgo")
            }
        });
        return sb.toString();
    }

    private String emojiOnly() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            sb.append(emoji());
            if (random.nextInt(4) == 0) {
                sb.append(random.nextBoolean() ? ' ' : '\u200D');
            }
        }
        return sb.toString();
    }

    private String rtl() {
        String[] words = random.nextBoolean() ? ARABIC : HEBREW;
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                sb.append(BIDI[random.nextInt(BIDI.length)]);
            }
            sb.append(words[random.nextInt(words.length)]).append(' ');
        }
        return sb.toString();
    }

    private String controls() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(10);
            sb.append(r < 4 ? '\0' : r < 8 ? (char) random.nextInt(0x20) : (char) (0x7F + random.nextInt(0x21)));
        }
        return sb.toString();
    }

    /** About 100 KB: repeated question, random letters or a template payload, sometimes with NULs. */
    private String huge() {
        String unit = switch (random.nextInt(4)) {
            case 0 -> question(random.nextBoolean()) + " ";
            case 1 -> randomUnicode(50);
            case 2 -> payload().text() + " ";
            default -> "A";
        };
        StringBuilder sb = new StringBuilder(100_050);
        while (sb.length() < 100_000) {
            sb.append(unit);
            if (random.nextInt(50) == 0) {
                sb.append('\0');
            }
        }
        return sb.toString();
    }

    private String mixed() {
        String a = question(true);
        String b = question(false);
        return switch (random.nextInt(4)) {
            case 0 -> a + " " + b;
            case 1 -> b + " / " + a;
            case 2 -> halfOf(a) + " " + halfOf(b);
            default -> a.replaceFirst("\\?$", "") + ", " + SMALL_EN[random.nextInt(SMALL_EN.length)] + " "
                    + SMALL_DE[random.nextInt(SMALL_DE.length)] + "?";
        };
    }

    private String halfOf(String s) {
        String[] w = s.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.max(1, w.length / 2)));
    }

    private String words() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            String[] from = random.nextBoolean() ? SMALL_DE : SMALL_EN;
            sb.append(from[random.nextInt(from.length)]).append(random.nextInt(5) == 0 ? "?" : " ");
        }
        return sb.toString();
    }

    /** Typos, deletions, swaps, repeated words, odd spacing, inserted payloads and characters. */
    String mutate(String q) {
        StringBuilder sb = new StringBuilder(q);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(9)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, (char) ('a' + random.nextInt(26)));
                case 2 -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
                case 3 -> sb.insert(at, " " + payload().text() + " ");
                case 4 -> sb.insert(at, emoji());
                case 5 -> sb.insert(at, randomUnicode(1 + random.nextInt(3)));
                case 6 -> sb.insert(at, (char) random.nextInt(0x20));
                case 7 -> sb.append(' ').append(sb, 0, Math.min(sb.length(), at + 1));
                default -> sb.setLength(Math.max(1, at));
            }
        }
        return fixSplitPairs(sb.toString());
    }

    /** Lone high and low surrogates (broken UTF-16, as a bad client might send) inside text. */
    private String loneSurrogates() {
        StringBuilder sb = new StringBuilder(question(random.nextBoolean()));
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.insert(random.nextInt(sb.length() + 1), (char) (0xD800 + random.nextInt(0x800)));
        }
        return sb.toString();
    }

    private static final String[] CLAIM_DE = {"Stimmt es, dass %s?", "Ich habe gelesen, %s – richtig?",
            "Bestätige: %s.", "%s, oder?", "Frage 2: %s?"};
    private static final String[] CLAIM_EN = {"Is it true that %s?", "I read that %s, right?", "Confirm: %s.",
            "%s, correct?", "In 5 words: %s?"};
    private static final String[] SUBJECT_DE = {"Beijing %s Einhörner hat", "es %s KI-Unternehmen gibt",
            "die Branche %s wert ist", "der Fonds %s investiert hat", "%s große Modelle registriert sind",
            "die Finanzierung um %s gestiegen ist", "die Branche um %s geschrumpft ist", "%s Schulen KI lehren"};
    private static final String[] SUBJECT_EN = {"Beijing has %s unicorns", "there are %s AI companies",
            "the industry is worth %s", "the fund invested %s", "%s large models are registered",
            "financing rose by %s", "the industry shrank by %s", "%s schools teach AI"};
    private static final String[] BOUNDS = {"", "mehr als ", "über ", "mindestens ", "weniger als ", "unter ",
            "höchstens ", "rund ", "genau ", "more than ", "over ", "at least ", "fewer than ", "under ", "at most ",
            "about ", "exactly ", "bis zu ", "up to "};
    private static final String[] NUMBERS = {"36", "2.400", "2,400", "4,3", "4.3", "0", "-5", "1e9", "3,5e12",
            "99999999999999999999999", "0,000001", "1.234.567,89", "1,234,567.89", "٣٠٠", "３００", "½", "dreißig",
            "thirty", "a third", "die Hälfte", "12.", "300.000.000.000", "7..8", "1,,2", "0x1F", "∞", "NaN"};
    private static final String[] SCALES = {"", " Mio.", " Mrd.", " Billionen", " million", " billion", " trillion",
            " bn", " m", "k", " Milliarden", " Millionen"};
    private static final String[] UNITS = {"", " Yuan", " RMB", " Euro", " €", " EUR", " Prozent", " %", " percent",
            " Dollar", " $", " ¥", " CNY", " Einhörner", " models"};

    /** "Is it true that …" with a random bound, number, scale and unit; an absurd figure must never get a "yes". */
    private Case claim() {
        boolean de = random.nextBoolean();
        String absurd = random.nextInt(4) == 0 ? "7777777 Billionen Yuan" : null;
        String figure = absurd != null ? (de ? "mehr als " : "more than ") + "7777777 " + (de ? "Billionen Yuan" : "trillion yuan")
                : pick(BOUNDS) + pick(NUMBERS) + pick(SCALES) + pick(UNITS);
        String subject = String.format(pick(de ? SUBJECT_DE : SUBJECT_EN), figure);
        String text = String.format(pick(de ? CLAIM_DE : CLAIM_EN), subject);
        return new Case("claim", text, absurd != null ? Expect.NOT_YES : Expect.ANY, List.of());
    }

    /** Figures with units and scales in odd formats, alone or inside a question. */
    private String units() {
        String figure = pick(NUMBERS) + pick(SCALES) + pick(UNITS);
        return switch (random.nextInt(4)) {
            case 0 -> figure;
            case 1 -> question(random.nextBoolean()) + " " + figure;
            case 2 -> figure + "? " + question(random.nextBoolean());
            default -> figure.repeat(1 + random.nextInt(20));
        };
    }

    private static final String LATIN = "aoepcxyiAOEPCXYBHKMT";
    private static final String CYRILLIC = "аоерсхуіАОЕРСХУВНКМТ";

    /** A clear question with some Latin letters replaced by Cyrillic look-alikes: it must mean the same. */
    private Case homoglyphs() {
        boolean de = random.nextBoolean();
        String q = question(de);
        while (!clearly(de, q)) {
            q = question(de);
        }
        StringBuilder sb = new StringBuilder(q);
        int swaps = 1 + random.nextInt(4);
        for (int k = 0; k < swaps * 3; k++) {
            int at = random.nextInt(sb.length());
            int i = LATIN.indexOf(sb.charAt(at));
            if (i >= 0) {
                sb.setCharAt(at, CYRILLIC.charAt(i));
            }
        }
        return new Case("homoglyphs", sb.toString(), Expect.SAME_AS_CLEAN, List.of(), q);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Mutations may cut an emoji's surrogate pair; that case has its own generator, so keep this one valid. */
    private static String fixSplitPairs(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
