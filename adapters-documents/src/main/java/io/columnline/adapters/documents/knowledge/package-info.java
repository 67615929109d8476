/**
 * Knowledge: reading documents (UTF-8 text, markdown, CSV, JSON with Jackson, PDF with PDFBox) and
 * splitting their text into token-counted chunks (jtokkit).
 */
package io.columnline.adapters.documents.knowledge;
