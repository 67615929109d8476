/**
 * Knowledge: context sources and their token-counted chunks, processed in the background. Embeddings,
 * search, insights, the research cache, knowledge documents, artifacts and events come next.
 */
package io.columnline.application.knowledge;
