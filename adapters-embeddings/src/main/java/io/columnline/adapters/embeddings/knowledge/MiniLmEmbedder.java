package io.columnline.adapters.embeddings.knowledge;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.columnline.application.knowledge.port.out.Embedder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (8-bit quantized, 384 dimensions) from its Maven artifact, in process; nothing is
 * downloaded. Its tokenizer cuts every text at 128 tokens, silently: so each text is embedded in
 * windows of whole words that fit, and the windows' vectors are averaged, weighted by their tokens,
 * and normalised. The model loads on first use, after DJL is told to stay offline and to keep its
 * files under {@link EmbedderHome} (it otherwise sends telemetry and writes {@code ~/.djl.ai}).
 */
@Singleton
final class MiniLmEmbedder implements Embedder {
    static final String MODEL = "all-minilm-l6-v2-q";
    static final int DIMENSION = 384;
    /** The model's window, [CLS] and [SEP] included. */
    static final int WINDOW_TOKENS = 128;

    private final EmbedderHome home;
    private volatile Loaded loaded;

    private record Loaded(AllMiniLmL6V2QuantizedEmbeddingModel model, HuggingFaceTokenizer tokenizer) {}

    @Inject
    MiniLmEmbedder(EmbedderHome home) {
        this.home = home;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Loaded l = load();
        List<TextSegment> windows = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            for (Window window : measured(l.tokenizer(), texts.get(t))) {
                windows.add(TextSegment.from(window.text()));
                owners.add(new int[] {t, window.tokens()});
            }
        }
        var vectors = l.model().embedAll(windows).content();
        float[][] sums = new float[texts.size()][DIMENSION];
        for (int w = 0; w < windows.size(); w++) {
            float[] v = vectors.get(w).vector();
            int[] owner = owners.get(w);
            for (int d = 0; d < DIMENSION; d++) {
                sums[owner[0]][d] += v[d] * owner[1];
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (float[] sum : sums) {
            result.add(normalise(sum));
        }
        return result;
    }

    /** Tokens of the text as the model counts them, [CLS] and [SEP] included, never cut. */
    int tokens(String text) {
        return tokens(load().tokenizer(), text);
    }

    /** The windows {@link #embed} reads the text in. */
    List<String> windows(String text) {
        return windows(load().tokenizer(), text);
    }

    private static int tokens(HuggingFaceTokenizer tokenizer, String text) {
        return tokenizer.encode(text).getIds().length;
    }

    /**
     * Whole words packed into windows the model reads whole; a word longer than a window (a run
     * without spaces) is cut between characters. An empty text is one empty window.
     */
    static List<String> windows(HuggingFaceTokenizer tokenizer, String text) {
        return measured(tokenizer, text).stream().map(Window::text).toList();
    }

    /** A window and its tokens as the model counts them. */
    record Window(String text, int tokens) {}

    private static List<Window> measured(HuggingFaceTokenizer tokenizer, String text) {
        String[] words = text.strip().split("\\s+");
        // every word counted in one call: the native tokenizer's per-call cost, paid once
        Encoding[] counted = words.length == 1 && words[0].isEmpty() ? new Encoding[0] : tokenizer.batchEncode(words);
        List<String> windows = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int budget = WINDOW_TOKENS - 2;
        int used = 0;
        for (int w = 0; w < counted.length; w++) {
            String word = words[w];
            if (word.isEmpty()) {
                continue;
            }
            int cost = counted[w].getIds().length - 2;
            if (cost > budget) {
                if (!current.isEmpty()) {
                    windows.add(current.toString());
                    current.setLength(0);
                    used = 0;
                }
                cutLongWord(tokenizer, word, windows);
                continue;
            }
            if (used + cost > budget && !current.isEmpty()) {
                windows.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(word);
            used += cost;
        }
        if (!current.isEmpty() || windows.isEmpty()) {
            windows.add(current.toString());
        }
        // words are counted alone; joined, the tokenizer may count differently at the edges
        List<Window> checked = new ArrayList<>();
        for (String window : windows) {
            split(tokenizer, window, checked);
        }
        return checked;
    }

    private static void split(HuggingFaceTokenizer tokenizer, String window, List<Window> out) {
        int space = window.indexOf(' ', window.length() / 2);
        int tokens = tokens(tokenizer, window);
        if (tokens <= WINDOW_TOKENS || space < 0) {
            out.add(new Window(window, tokens));
            return;
        }
        split(tokenizer, window.substring(0, space), out);
        split(tokenizer, window.substring(space + 1), out);
    }

    private static void cutLongWord(HuggingFaceTokenizer tokenizer, String word, List<String> out) {
        int cut = word.length() / 2;
        if (Character.isLowSurrogate(word.charAt(cut))) {
            cut--;
        }
        if (tokens(tokenizer, word) <= WINDOW_TOKENS || cut <= 0) {
            out.add(word);
            return;
        }
        cutLongWord(tokenizer, word.substring(0, cut), out);
        cutLongWord(tokenizer, word.substring(cut), out);
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (this) {
            if (loaded == null) {
                loaded = open();
            }
            return loaded;
        }
    }

    private Loaded open() {
        // before the first DJL class loads: no telemetry (it calls 169.254.169.254), no downloads
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_OFFLINE", "true");
        System.setProperty("offline", "true");
        try {
            Files.createDirectories(home.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home.directory(), e);
        }
        System.setProperty("DJL_CACHE_DIR", home.directory().toString());
        System.setProperty("ENGINE_CACHE_DIR", home.directory().toString());
        try (InputStream json =
                AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            if (json == null) {
                throw new IllegalStateException("the model's tokenizer is missing from its jar");
            }
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                    json, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true"));
            return new Loaded(new AllMiniLmL6V2QuantizedEmbeddingModel(), tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedding model could not be loaded", e);
        }
    }
}
