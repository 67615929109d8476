/**
 * Knowledge: context sources, their token-counted chunks and the chunks' embeddings, processed in
 * the background. Search, insights, the research cache, knowledge documents, artifacts and events
 * come next.
 */
package io.columnline.application.knowledge;
