/**
 * Knowledge: context sources, their token-counted chunks and embeddings; search, insights, the
 * research cache, knowledge documents, artifacts and events are to come here too.
 */
package io.columnline.application.knowledge;
