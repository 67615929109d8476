/** What the search adapter's areas share: where the indexes live. */
package io.columnline.adapters.search.shared;
