/** Prospects: companies and contacts (a run's contacts among them), imports, audiences, campaigns and AI interactions. */
package io.columnline.adapters.http.prospects;
