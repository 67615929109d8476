/** Prompts: versioned prompts with labels, and the section definitions a dossier is assembled from. */
package io.columnline.application.prompts;
