/** Knowledge over HTTP: context sources and their chunks. */
package io.columnline.adapters.http.knowledge;
