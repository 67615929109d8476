package io.columnline.adapters.postgres.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the database is, from either a JDBC URL or the {@code postgres://user:pass@host:port/db}
 * form that Supabase and Heroku hand out.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public static DatabaseUrl parse(String text) {
        String value = text.strip();
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, Optional.empty(), Optional.empty());
        }
        if (!value.startsWith("postgres://") && !value.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "COLUMNLINE_DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://");
        }
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("COLUMNLINE_DATABASE_URL has no host");
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = Optional.of(decode(parts[0]));
                if (parts.length == 2) {
                    password = Optional.of(decode(parts[1]));
                }
            }
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + path + query, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("COLUMNLINE_DATABASE_URL is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl + user.map(u -> " as " + u).orElse("");
    }
}
