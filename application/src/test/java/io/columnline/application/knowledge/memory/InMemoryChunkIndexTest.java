package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.ChunkIndexContract;
import io.columnline.application.knowledge.port.out.ChunkIndex;

class InMemoryChunkIndexTest extends ChunkIndexContract {
    @Override
    protected ChunkIndex newIndex() {
        return new InMemoryChunkIndex();
    }
}
