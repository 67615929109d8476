/** Knowledge: context sources (documents of a client) and the token-counted chunks they are split into. */
package io.columnline.domain.knowledge;
