package io.columnline.domain.prospect;

import io.columnline.domain.json.JsonDocument;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values the way people write them in spreadsheets: ISO or {@code dd.mm.yyyy} dates,
 * {@code 1 234 567,89} or {@code 1,234,567.89} numbers, {@code да}/{@code нет} booleans, lists
 * separated by {@code ;} or written as JSON arrays. Anything that could be read two ways is refused
 * rather than guessed, so a file never stores a value its author did not mean.
 */
final class Values {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern DOTTED_DATE_TIME =
            Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[,.]\\d{3})+");
    private static final Pattern EMAIL_SHAPE =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern DOMAIN_SHAPE =
            Pattern.compile("(?:[a-z0-9\\p{L}](?:[a-z0-9\\p{L}-]{0,61}[a-z0-9\\p{L}])?\\.)+[a-z\\p{L}]{2,63}");
    private static final Pattern IDENTIFIER_SHAPE = Pattern.compile("[0-9A-Za-z/-]{1,40}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]");
    private static final Pattern SPACES_AND_APOSTROPHES = Pattern.compile("[\\s\\u00a0\\u202f']");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern PORT = Pattern.compile(":\\d+$");
    private static final Pattern SEPARATORS = Pattern.compile("[,.]");

    private Values() {}

    static Object parse(Field field, String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new BadValue("contains a NUL character");
        }
        return switch (field.type()) {
            case TEXT -> value;
            case IDENTIFIER -> identifier(value);
            case DOMAIN -> domain(value);
            case EMAIL -> email(value);
            case DATE -> date(value);
            case TIMESTAMP -> timestamp(value);
            case DECIMAL -> decimal(value);
            case INTEGER -> integer(value);
            case BOOLEAN -> bool(value);
            case TEXT_LIST -> list(value);
            case EMAIL_LIST -> list(value).stream().map(Values::email).toList();
            case CHOICE -> choice(field, value);
            case JSON -> json(value);
        };
    }

    static String identifier(String value) {
        String compact = SPACES.matcher(value).replaceAll("");
        if (!IDENTIFIER_SHAPE.matcher(compact).matches()) {
            throw new BadValue("is not a registration number: use letters, digits, '-' or '/' (at most 40)");
        }
        return compact;
    }

    /** {@code https://www.Acme.com/about} and {@code acme.com} are both {@code acme.com}. */
    static String domain(String value) {
        String host = value.toLowerCase(Locale.ROOT);
        host = SCHEME.matcher(host).replaceFirst("");
        int end = indexOfAny(host, "/?#");
        if (end >= 0) {
            host = host.substring(0, end);
        }
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        host = PORT.matcher(host).replaceFirst("");
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!DOMAIN_SHAPE.matcher(host).matches()) {
            throw new BadValue("is not a domain or web address such as acme.com");
        }
        return host;
    }

    /** The domain of a web address, or null when the text is not one. */
    static String domainOrNull(String website) {
        try {
            return website == null || website.isBlank() ? null : domain(website.strip());
        } catch (BadValue e) {
            return null;
        }
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String email(String value) {
        String address = value.strip();
        if (address.startsWith("mailto:")) {
            address = address.substring(7);
        }
        if (address.length() > 254 || !EMAIL_SHAPE.matcher(address).matches()) {
            throw new BadValue("is not an e-mail address");
        }
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    static LocalDate date(String value) {
        Matcher iso = ISO_DATE.matcher(value);
        Matcher dotted = DOTTED_DATE.matcher(value);
        try {
            if (iso.matches()) {
                return LocalDate.of(year(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            if (dotted.matches()) {
                return LocalDate.of(
                        year(dotted.group(3)), Integer.parseInt(dotted.group(2)), Integer.parseInt(dotted.group(1)));
            }
        } catch (DateTimeException e) {
            throw new BadValue("is not a calendar date");
        }
        throw new BadValue("is not a date: write 2026-11-22 or 22.11.2026");
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 1000) {
            throw new DateTimeException("year");
        }
        return year;
    }

    static Instant timestamp(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notOffset) {
            // fall through to the forms without an offset, read as UTC
        }
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notLocal) {
            // fall through
        }
        Matcher dotted = DOTTED_DATE_TIME.matcher(value);
        if (dotted.matches()) {
            try {
                return LocalDateTime.of(
                                year(dotted.group(3)),
                                Integer.parseInt(dotted.group(2)),
                                Integer.parseInt(dotted.group(1)),
                                Integer.parseInt(dotted.group(4)),
                                Integer.parseInt(dotted.group(5)),
                                dotted.group(6) == null ? 0 : Integer.parseInt(dotted.group(6)))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new BadValue("is not a calendar date and time");
            }
        }
        try {
            return date(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (BadValue e) {
            throw new BadValue("is not a date or time: write 2026-11-22, 2026-11-22T10:15:00Z or 22.11.2026 10:15");
        }
    }

    static BigDecimal decimal(String value) {
        String text = SPACES_AND_APOSTROPHES.matcher(value).replaceAll("");
        String sign = "";
        if (text.startsWith("-") || text.startsWith("+")) {
            sign = text.startsWith("-") ? "-" : "";
            text = text.substring(1);
        }
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        String plain;
        if (comma >= 0 && dot >= 0) {
            int decimalAt = Math.max(comma, dot);
            String integerPart = text.substring(0, decimalAt);
            if (!GROUPED.matcher(integerPart).matches() || integerPart.indexOf(text.charAt(decimalAt)) >= 0) {
                throw notANumber();
            }
            plain = SEPARATORS.matcher(integerPart).replaceAll("") + "." + text.substring(decimalAt + 1);
        } else if (comma >= 0 || dot >= 0) {
            char separator = comma >= 0 ? ',' : '.';
            int first = text.indexOf(separator);
            if (first != text.lastIndexOf(separator)) {
                if (!GROUPED.matcher(text).matches()) {
                    throw notANumber();
                }
                plain = text.replace(String.valueOf(separator), "");
            } else if (separator == ',' && text.length() - first - 1 == 3 && first <= 3 && first > 0) {
                throw new BadValue(
                        "is ambiguous: '" + value.strip() + "' could be a thousands separator or a decimal comma;"
                                + " write it without the separator or with a decimal point");
            } else {
                plain = text.replace(separator, '.');
            }
        } else {
            plain = text;
        }
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        if (whole.isEmpty() && fraction.isEmpty()
                || !whole.isEmpty() && !DIGITS.matcher(whole).matches()
                || !fraction.isEmpty() && !DIGITS.matcher(fraction).matches()
                || plain.length() > 60) {
            throw notANumber();
        }
        BigDecimal number =
                new BigDecimal(sign + (whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction));
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }

    private static BadValue notANumber() {
        return new BadValue("is not a number: write 1234567.89, 1 234 567,89 or 1,234,567.89");
    }

    static Integer integer(String value) {
        BigDecimal number = decimal(value);
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue("is not a whole number within ±2147483647");
        }
    }

    static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "да", "y", "t" -> true;
            case "false", "no", "0", "нет", "n", "f" -> false;
            default -> throw new BadValue("is not a yes/no value: write true/false, yes/no, 1/0 or да/нет");
        };
    }

    static List<String> list(String value) {
        List<String> items = value.startsWith("[") ? JsonSyntax.stringArray(value) : splitOnSemicolons(value);
        List<String> cleaned = new ArrayList<>();
        for (String item : items) {
            String stripped = item.strip();
            if (!stripped.isEmpty()) {
                cleaned.add(stripped);
            }
        }
        return cleaned.isEmpty() ? null : List.copyOf(cleaned);
    }

    private static List<String> splitOnSemicolons(String value) {
        return List.of(value.split(";", -1));
    }

    static String choice(Field field, String value) {
        for (String choice : field.choices()) {
            if (choice.equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw new BadValue("must be one of " + String.join(", ", field.choices()));
    }

    static JsonDocument json(String value) {
        JsonSyntax.check(value);
        return new JsonDocument(value);
    }
}
