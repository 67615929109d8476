package io.columnline.domain.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The short run of a fuzz target that fits the suite's time: a fixed number of inputs made from its
 * committed seed corpus by byte mutations (flips, inserts of characters the formats care about,
 * deletions, duplications, splices of two seeds), with a fixed random seed so a failure repeats. A
 * target passes when it returns or throws one of its declared refusals; anything else fails the
 * test, naming the input and writing it to {@code target/fuzz-findings/} for the corpus. Coverage
 * guided fuzzing of the same target is Jazzer's, with {@code JAZZER_FUZZ=1} ({@code bench/fuzz}).
 */
public final class ShortFuzz {
    /** Inputs per target in the suite; {@code -Dcolumnline.fuzz.runs=N} changes it. */
    public static final int RUNS = Integer.getInteger("columnline.fuzz.runs", 3_000);

    private static final byte[][] TOKENS = Stream.of(
                    "\"",
                    "\\",
                    "\\u",
                    "\\u00",
                    "\\ud800",
                    "{",
                    "}",
                    "[",
                    "]",
                    ",",
                    ":",
                    ";",
                    "\t",
                    "\r\n",
                    "\n",
                    "{{",
                    "}}",
                    "{{{",
                    " ",
                    "null",
                    "true",
                    "-",
                    "0",
                    "1e999",
                    "-0.0",
                    "9223372036854775808",
                    "\"\"",
                    "\"a\":",
                    "#",
                    "\u00e9",
                    "\ufeff",
                    "\u0000",
                    "$ref",
                    "pattern",
                    "\"type\"",
                    "\uD83D\uDE00")
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);

    @FunctionalInterface
    public interface Target {
        void accept(byte[] data) throws Exception;
    }

    private ShortFuzz() {}

    /** Runs {@code target} on every seed of {@code test}'s {@code method} corpus, then on {@link #RUNS} mutants. */
    public static void run(Class<?> test, String method, Target target) {
        List<byte[]> seeds = seeds(test, method);
        if (seeds.isEmpty()) {
            throw new AssertionError("no seed corpus for " + test.getSimpleName() + "." + method);
        }
        var random = new SplittableRandom((test.getName() + "." + method).hashCode());
        for (byte[] seed : seeds) {
            check(test, method, target, seed);
        }
        for (int i = 0; i < RUNS; i++) {
            byte[] input = seeds.get(random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                input = mutate(input, seeds, random);
            }
            check(test, method, target, input);
        }
    }

    private static void check(Class<?> test, String method, Target target, byte[] input) {
        try {
            target.accept(input);
        } catch (Throwable finding) {
            Path saved = save(test, method, input);
            throw new AssertionError(
                    test.getSimpleName() + "." + method + " failed on " + printable(input) + " (saved as " + saved
                            + ")",
                    finding);
        }
    }

    static byte[] mutate(byte[] input, List<byte[]> seeds, SplittableRandom random) {
        var out = new java.io.ByteArrayOutputStream(input.length + 16);
        int at = input.length == 0 ? 0 : random.nextInt(input.length + 1);
        switch (random.nextInt(6)) {
            case 0 -> { // flip one byte
                byte[] copy = input.clone();
                if (copy.length > 0) {
                    int i = Math.min(at, copy.length - 1);
                    copy[i] = (byte) (copy[i] ^ (1 << random.nextInt(8)));
                }
                return copy;
            }
            case 1 -> { // insert a token the formats care about
                out.write(input, 0, at);
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)]);
                out.write(input, at, input.length - at);
            }
            case 2 -> { // delete a run
                int length = Math.min(input.length - at, 1 + random.nextInt(8));
                out.write(input, 0, at);
                out.write(input, at + length, input.length - at - length);
            }
            case 3 -> { // duplicate a run
                int length = Math.min(input.length - at, 1 + random.nextInt(32));
                out.write(input, 0, at + length);
                out.write(input, at, input.length - at);
            }
            case 4 -> { // splice: this input's head, another seed's tail
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length + 1);
                out.write(input, 0, at);
                out.write(other, from, other.length - from);
            }
            default -> { // a random byte
                out.write(input, 0, at);
                out.write(random.nextInt(256));
                out.write(input, at, input.length - at);
            }
        }
        return out.toByteArray();
    }

    /** The corpus Jazzer replays in regression mode: {@code <package>/<Class>Inputs/<method>/} on the test classpath. */
    static List<byte[]> seeds(Class<?> test, String method) {
        var url = test.getResource(test.getSimpleName() + "Inputs/" + method);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path save(Class<?> test, String method, byte[] input) {
        try {
            Path dir = Path.of("target", "fuzz-findings", test.getSimpleName() + "." + method);
            Files.createDirectories(dir);
            Path file = dir.resolve("finding-" + Integer.toHexString(java.util.Arrays.hashCode(input)));
            Files.write(file, input);
            return file.toAbsolutePath();
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }

    private static String printable(byte[] input) {
        var out = new StringBuilder("\"");
        int shown = Math.min(input.length, 400);
        for (int i = 0; i < shown; i++) {
            int b = input[i] & 0xff;
            if (b == '"' || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return out.append(shown < input.length ? "\"..." : "\"").toString();
    }
}
