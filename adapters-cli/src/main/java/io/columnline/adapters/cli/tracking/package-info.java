/** Tracking: usage figures from the steps of runs. */
package io.columnline.adapters.cli.tracking;
