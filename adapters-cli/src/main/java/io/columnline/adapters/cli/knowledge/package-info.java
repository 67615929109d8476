/** Knowledge on the command line: context sources. */
package io.columnline.adapters.cli.knowledge;
