/** What every area of this module uses; it reaches into an area only through that area's inbound ports. */
package io.columnline.adapters.http.shared;
