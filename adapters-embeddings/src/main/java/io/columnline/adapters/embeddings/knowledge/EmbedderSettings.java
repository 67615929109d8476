package io.columnline.adapters.embeddings.knowledge;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Which embedder the knowledge area uses: the in-process model unless an OpenAI-compatible
 * embeddings endpoint is named, with the model to ask it for and, when it wants one, a bearer key.
 */
public record EmbedderSettings(Optional<URI> url, Optional<String> model, Optional<String> apiKey) {
    public static final EmbedderSettings IN_PROCESS =
            new EmbedderSettings(Optional.empty(), Optional.empty(), Optional.empty());

    public EmbedderSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        if (url.isPresent() && model.isEmpty()) {
            throw new IllegalArgumentException("an embeddings URL needs the model to ask it for");
        }
        url.ifPresent(u -> {
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("the embeddings URL must be http or https, got " + u);
            }
        });
    }

    /**
     * The {@code /v1/embeddings} address: the URL as given when it ends in {@code /embeddings}, else
     * with {@code /embeddings} (after {@code /v1}) or {@code /v1/embeddings} (after a bare host) added.
     */
    static URI endpoint(URI url) {
        String text = url.toString().replaceAll("/+$", "");
        if (text.endsWith("/embeddings")) {
            return URI.create(text);
        }
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        return URI.create(path.isEmpty() ? text + "/v1/embeddings" : text + "/embeddings");
    }
}
