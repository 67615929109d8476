/** Publishing: dossiers, their batches and lists, reruns, webhooks and the export. */
package io.columnline.adapters.http.publishing;
