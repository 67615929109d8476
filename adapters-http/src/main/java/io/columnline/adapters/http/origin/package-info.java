/**
 * The V2 Make.com scenarios' own routes under {@code /columnline/...} (shared/origin-api.md), with
 * the origin's field names, answers and text ids. Not an area: a translation layer over the areas'
 * inbound ports, so it holds no rule of its own. Every route parses the origin's body, calls the
 * same use case as its {@code /api/v1} twin and renders the origin's answer; ArchitectureTest keeps
 * it so (it reaches the areas only through their {@code port.in}, and no area reaches it).
 */
package io.columnline.adapters.http.origin;
