/** The knowledge area's search index: chunks in Apache Lucene, BM25 and HNSW in one index. */
package io.columnline.adapters.search.knowledge;
