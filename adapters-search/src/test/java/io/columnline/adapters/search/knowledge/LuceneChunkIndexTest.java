package io.columnline.adapters.search.knowledge;

import io.columnline.adapters.search.shared.SearchHome;
import io.columnline.application.knowledge.contract.ChunkIndexContract;
import io.columnline.application.knowledge.port.out.ChunkIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class LuceneChunkIndexTest extends ChunkIndexContract {
    @Override
    protected ChunkIndex newIndex() {
        try {
            return new LuceneChunkIndex(new SearchHome(Files.createTempDirectory("columnline-lucene")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
