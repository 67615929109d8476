package io.columnline.adapters.search.knowledge;

import io.columnline.adapters.search.shared.SearchHome;
import io.columnline.application.knowledge.port.out.ChunkIndex;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Unavailable;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Chunks in one Lucene index: BM25 over the bilingual analysis of {@link Analysis}, HNSW graphs of
 * the vectors (one field per embedding model, cosine by dot product of unit vectors), and the
 * filters as term and point queries that both searches apply inside (Lucene's HNSW search skips
 * what the filter rejects, and searches exactly when the filter keeps few). The position is kept in
 * the commit's user data with the schema it was built with; another schema reads as no position,
 * so the service rebuilds. Opened on first use, so commands that never search never take its lock.
 */
@Singleton
final class LuceneChunkIndex implements ChunkIndex {
    /** Changes with the fields or their analysis: an index of another schema is rebuilt. */
    static final String SCHEMA = "chunks-1";

    /**
     * The graph is asked for this many times the candidates a search returns (at least
     * {@value #MIN_CANDIDATES}): at k = 10 alone HNSW's recall on clustered vectors is about 0.9;
     * at least 100 gave recall@10 0.948-0.957 in bench/knowledge/search.sh, at least 200 gave 0.999.
     */
    static final int OVER_FETCH = 5;

    static final int MIN_CANDIDATES = 200;
    static final int MAX_QUERY_WORDS = 64;

    private static final String ID = "id";
    private static final String SOURCE = "source";
    private static final String CLIENT = "client";
    private static final String TYPE = "type";
    private static final String KEY = "key";
    private static final String CREATED = "created";
    private static final String NAME = "source_name";
    private static final String VERSION = "source_version";
    private static final String CHUNK_INDEX = "chunk_index";
    private static final String CONTENT = "content";
    private static final String METADATA = "metadata";
    private static final String META = "meta";
    private static final String VECTOR = "vector:";

    private static final String SCHEMA_KEY = "schema";
    private static final String EPOCH_KEY = "epoch";
    private static final String CHANGE_KEY = "change";

    private final Path path;
    private final Analyzer bodyQuery = Analysis.body();
    private final Analyzer namesQuery = Analysis.names(false, false);
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    @Inject
    LuceneChunkIndex(SearchHome home) {
        this.path = home.directory().resolve("chunks");
    }

    private synchronized IndexWriter writer() {
        if (writer == null) {
            try {
                Files.createDirectories(path);
                directory = FSDirectory.open(path);
                try {
                    writer = new IndexWriter(directory, config());
                } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
                    // written by another Lucene: derived data, so started afresh and rebuilt
                    writer = new IndexWriter(directory, config().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
                }
                searchers = new SearcherManager(writer, null);
            } catch (LockObtainFailedException e) {
                closeQuietly();
                throw new Unavailable("the search index in " + path + " is held by another process (a server"
                        + " running on this COLUMNLINE_HOME and database): search through it, or stop it first");
            } catch (IOException e) {
                closeQuietly();
                throw new UncheckedIOException("could not open the search index in " + path, e);
            }
        }
        return writer;
    }

    private static IndexWriterConfig config() {
        return new IndexWriterConfig(Analysis.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128);
    }

    @Override
    public synchronized Optional<Position> position() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer().getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (!SCHEMA.equals(data.get(SCHEMA_KEY)) || !data.containsKey(EPOCH_KEY)) {
            return Optional.empty();
        }
        return Optional.of(new Position(UUID.fromString(data.get(EPOCH_KEY)), Long.parseLong(data.get(CHANGE_KEY))));
    }

    @Override
    public void remove(Collection<SourceId> sources) {
        if (sources.isEmpty()) {
            return;
        }
        try {
            writer().deleteDocuments(new TermInSetQuery(
                    SOURCE,
                    sources.stream()
                            .map(s -> new BytesRef(s.value().toString()))
                            .toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void add(List<IndexedChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        try {
            writer().addDocuments(
                            chunks.stream().map(LuceneChunkIndex::document).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            writer().deleteAll();
            writer.setLiveCommitData(Map.<String, String>of().entrySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void commit(Position position) {
        try {
            writer().setLiveCommitData(Map.of(
                            SCHEMA_KEY,
                            SCHEMA,
                            EPOCH_KEY,
                            position.epoch().toString(),
                            CHANGE_KEY,
                            Long.toString(position.change()))
                    .entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Hit> lexical(ClientId client, String text, ChunkFilter filter, int limit) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Query body = new QueryBuilder(bodyQuery).createBooleanQuery(Analysis.BODY, text, Occur.SHOULD);
        if (body != null) {
            words.add(body, Occur.SHOULD);
        }
        Analysis.terms(namesQuery, Analysis.NAMES, text).stream()
                .filter(t -> t.length() >= 2)
                .distinct()
                .limit(MAX_QUERY_WORDS)
                .forEach(word -> {
                    String prefix = word.length() > Analysis.MAX_GRAM ? word.substring(0, Analysis.MAX_GRAM) : word;
                    words.add(new BoostQuery(new TermQuery(new Term(Analysis.NAMES, prefix)), 0.5f), Occur.SHOULD);
                    if (word.length() >= 5) {
                        words.add(
                                new BoostQuery(new FuzzyQuery(new Term(Analysis.NAME_WORDS, word), 1, 1), 0.3f),
                                Occur.SHOULD);
                    }
                });
        BooleanQuery should = words.build();
        if (should.clauses().isEmpty()) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(should, Occur.MUST)
                .add(filter(client, filter), Occur.FILTER)
                .build();
        return search(query, limit, false);
    }

    @Override
    public List<Hit> nearest(ClientId client, String model, float[] vector, ChunkFilter filter, int limit) {
        float[] unit = unit(vector);
        if (unit == null) {
            return List.of();
        }
        String field = VECTOR + model;
        IndexSearcher searcher = acquire();
        try {
            FieldInfo info =
                    FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(field);
            if (info == null || info.getVectorDimension() != unit.length) {
                return List.of();
            }
            int candidates = Math.max(limit * OVER_FETCH, MIN_CANDIDATES);
            Query query = new KnnFloatVectorQuery(field, unit, candidates, filter(client, filter));
            return hits(searcher, searcher.search(query, limit), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public long size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close the search index in " + path, e);
            } finally {
                writer = null;
                searchers = null;
                directory = null;
            }
        }
    }

    private void closeQuietly() {
        try {
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException suppressed) {
            // the error being reported is the one that matters
        }
        writer = null;
        directory = null;
    }

    private List<Hit> search(Query query, int limit, boolean vector) {
        IndexSearcher searcher = acquire();
        try {
            return hits(searcher, searcher.search(query, limit), vector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        writer();
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query filter(ClientId client, ChunkFilter filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CLIENT, client.value().toString())), Occur.FILTER);
        if (!filter.sources().isEmpty()) {
            all.add(terms(SOURCE, filter.sources().stream().map(s -> s.value().toString())), Occur.FILTER);
        }
        if (!filter.types().isEmpty()) {
            all.add(terms(TYPE, filter.types().stream().map(SourceType::key)), Occur.FILTER);
        }
        if (!filter.keys().isEmpty()) {
            all.add(terms(KEY, filter.keys().stream()), Occur.FILTER);
        }
        filter.metadata()
                .ifPresent(metadata -> MetadataTerms.required(metadata)
                        .forEach(term -> all.add(new TermQuery(new Term(META, term)), Occur.FILTER)));
        filter.createdAfter().ifPresent(after -> {
            long micros = micros(after);
            all.add(
                    micros == Long.MAX_VALUE
                            ? new BooleanQuery.Builder()
                                    .add(new MatchAllDocsQuery(), Occur.MUST_NOT)
                                    .build()
                            : LongPoint.newRangeQuery(CREATED, micros + 1, Long.MAX_VALUE),
                    Occur.FILTER);
        });
        return all.build();
    }

    private static Query terms(String field, Stream<String> values) {
        return new TermInSetQuery(field, values.map(BytesRef::new).toList());
    }

    private static Document document(IndexedChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.chunk().toString(), Field.Store.YES));
        doc.add(new StringField(SOURCE, chunk.source().value().toString(), Field.Store.YES));
        doc.add(new StringField(CLIENT, chunk.client().value().toString(), Field.Store.YES));
        doc.add(new StringField(TYPE, chunk.sourceType().key(), Field.Store.YES));
        chunk.sourceKey().ifPresent(key -> doc.add(new StringField(KEY, key, Field.Store.YES)));
        long created = micros(chunk.sourceCreatedAt());
        doc.add(new LongPoint(CREATED, created));
        doc.add(new StoredField(CREATED, created));
        doc.add(new StoredField(NAME, chunk.sourceName()));
        doc.add(new StoredField(VERSION, chunk.sourceVersion()));
        doc.add(new StoredField(CHUNK_INDEX, chunk.chunkIndex()));
        doc.add(new StoredField(CONTENT, chunk.content()));
        doc.add(new StoredField(METADATA, chunk.metadata().text()));
        doc.add(new TextField(Analysis.BODY, chunk.content(), Field.Store.NO));
        doc.add(new TextField(Analysis.NAMES, chunk.content(), Field.Store.NO));
        doc.add(new TextField(Analysis.NAME_WORDS, chunk.content(), Field.Store.NO));
        for (String term : MetadataTerms.of(chunk.metadata())) {
            doc.add(new StringField(META, term, Field.Store.NO));
        }
        chunk.vectors().forEach((model, vector) -> {
            float[] unit = unit(vector);
            if (unit != null) {
                doc.add(new KnnFloatVectorField(VECTOR + model, unit, VectorSimilarityFunction.DOT_PRODUCT));
            }
        });
        return doc;
    }

    private static List<Hit> hits(IndexSearcher searcher, TopDocs top, boolean vector) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scored : top.scoreDocs) {
            Document doc = stored.document(scored.doc);
            // a dot-product score is (1 + cosine) / 2
            double score = vector ? 2.0 * scored.score - 1.0 : scored.score;
            hits.add(new Hit(chunk(doc), score));
        }
        return hits;
    }

    private static IndexedChunk chunk(Document doc) {
        return new IndexedChunk(
                UUID.fromString(doc.get(ID)),
                new SourceId(UUID.fromString(doc.get(SOURCE))),
                new ClientId(UUID.fromString(doc.get(CLIENT))),
                doc.get(NAME),
                doc.getField(VERSION).numericValue().intValue(),
                Optional.ofNullable(doc.get(KEY)),
                SourceType.fromKey("type", doc.get(TYPE)),
                Instant.EPOCH.plus(doc.getField(CREATED).numericValue().longValue(), ChronoUnit.MICROS),
                doc.getField(CHUNK_INDEX).numericValue().intValue(),
                doc.get(CONTENT),
                new JsonDocument(doc.get(METADATA)),
                Map.of());
    }

    private static long micros(Instant instant) {
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The vector scaled to length 1; null for a zero vector, which has no direction. */
    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        if (norm == 0 || !Double.isFinite(norm)) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
