/** Usage figures: what the dimensions are and how step latencies are sketched. */
package io.columnline.domain.usage;
