/** Knowledge: embedders. The default is all-MiniLM-L6-v2 (quantized) in process, offline. */
package io.columnline.adapters.embeddings.knowledge;
