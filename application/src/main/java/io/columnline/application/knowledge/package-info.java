/**
 * Knowledge: context sources, chunks, embeddings, search, insights, the research cache, knowledge
 * documents, artifacts and events. Empty until its first use case lands; its adapters get a
 * {@code knowledge} package of their own then.
 */
package io.columnline.application.knowledge;
