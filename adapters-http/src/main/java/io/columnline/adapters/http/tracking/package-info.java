/** Tracking: runs, their stages and LLM steps, model prices and the statistics over them. */
package io.columnline.adapters.http.tracking;
