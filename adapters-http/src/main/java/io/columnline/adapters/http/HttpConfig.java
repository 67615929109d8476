package io.columnline.adapters.http;

/** Where to listen and how large a JSON body may be. */
public record HttpConfig(String host, int port, long maxBodyBytes, int workerThreads) {
    public HttpConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
    }
}
