/** Knowledge: context sources, their bytes and chunks, and the processing queue, in PostgreSQL. */
package io.columnline.adapters.postgres.knowledge;
