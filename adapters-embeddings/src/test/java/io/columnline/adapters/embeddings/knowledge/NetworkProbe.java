package io.columnline.adapters.embeddings.knowledge;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link EmbedderOfflineTest}: every {@link java.net.Socket} of this JVM is made
 * by a factory whose sockets print the address they are asked to connect to and refuse (DJL opens its
 * connections with {@code Proxy.NO_PROXY}, past any proxy selector, so the sockets themselves are
 * watched; the proxy selector is watched too, for anything else). Nothing leaves the machine. Then the
 * model is loaded the way the argument names: {@code embedder} as Columnline does, {@code bare} as
 * DJL is used with nothing set.
 */
final class NetworkProbe {
    private NetworkProbe() {}

    public static void main(String[] args) throws Exception {
        java.net.Socket.setSocketImplFactory(Refusing::new);
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                System.out.println("ATTEMPT " + uri);
                System.out.flush();
                throw new IllegalArgumentException("no network in this test: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
        if (args[0].equals("embedder")) {
            new MiniLmEmbedder(new EmbedderHome(Path.of(args[1]))).embed(List.of("Acme buys turbines."));
        } else {
            System.setProperty("DJL_CACHE_DIR", args[1]);
            try (InputStream json = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(
                    "/all-minilm-l6-v2-q-tokenizer.json")) {
                HuggingFaceTokenizer.newInstance(json, Map.of()).encode("Acme buys turbines.");
            }
        }
        System.out.println("EMBEDDED");
    }

    /** A socket that never connects: it reports where it was asked to go and fails. */
    static final class Refusing extends java.net.SocketImpl {
        private IOException refuse(String where) {
            System.out.println("ATTEMPT " + where);
            System.out.flush();
            return new java.net.ConnectException("no network in this test: " + where);
        }

        @Override
        protected void create(boolean stream) {}

        @Override
        protected void connect(String host, int port) throws IOException {
            throw refuse(host + ":" + port);
        }

        @Override
        protected void connect(java.net.InetAddress address, int port) throws IOException {
            throw refuse(address.getHostAddress() + ":" + port);
        }

        @Override
        protected void connect(SocketAddress address, int timeout) throws IOException {
            throw refuse(String.valueOf(address));
        }

        @Override
        protected void bind(java.net.InetAddress host, int port) throws IOException {
            throw refuse("bind " + host + ":" + port);
        }

        @Override
        protected void listen(int backlog) throws IOException {
            throw new IOException("not a server socket");
        }

        @Override
        protected void accept(java.net.SocketImpl s) throws IOException {
            throw new IOException("not a server socket");
        }

        @Override
        protected InputStream getInputStream() throws IOException {
            throw new IOException("not connected");
        }

        @Override
        protected java.io.OutputStream getOutputStream() throws IOException {
            throw new IOException("not connected");
        }

        @Override
        protected int available() {
            return 0;
        }

        @Override
        protected void close() {}

        @Override
        protected void sendUrgentData(int data) throws IOException {
            throw new IOException("not connected");
        }

        @Override
        public void setOption(int optID, Object value) {}

        @Override
        public Object getOption(int optID) {
            return null;
        }
    }
}
