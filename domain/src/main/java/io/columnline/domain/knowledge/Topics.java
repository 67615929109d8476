package io.columnline.domain.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key a research topic is matched on: Unicode NFKC, case folded, every dash one hyphen,
 * whitespace collapsed, surrounding punctuation dropped. "ООО Ромашка — market" and "ооо ромашка -
 * market" are one topic.
 */
public final class Topics {
    public static final int MAX_LENGTH = 2_000;

    private Topics() {}

    /** The empty string when nothing but whitespace and punctuation was sent. */
    public static String key(String topic) {
        String folded = Normalizer.normalize(topic, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(Character.getType(c) == Character.DASH_PUNCTUATION ? '-' : c);
        }
        int start = 0;
        int end = out.length();
        while (start < end && punctuationOrSpace(out.codePointAt(start))) {
            start += Character.charCount(out.codePointAt(start));
        }
        while (end > start && punctuationOrSpace(out.codePointBefore(end))) {
            end -= Character.charCount(out.codePointBefore(end));
        }
        return out.substring(start, end);
    }

    private static boolean punctuationOrSpace(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
