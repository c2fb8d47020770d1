/**
 * Stands in for `xmlbuilder2` in the build (vite.config.ts `resolve.alias`). Cornerstone's mesh cache
 * imports vtk.js's VTK-XML mesh reader, which imports xmlbuilder2 (with its DOM, URL and YAML libraries:
 * about 570 KB of the rendering chunk that every launch parses before the renderer can start). The
 * viewer shows image stacks and loads no meshes or VTK-XML files, so nothing ever calls it; should a
 * future feature do so, it fails here, loudly, instead of parsing without the library.
 */
export function create(): never {
  throw new Error('xmlbuilder2 is not part of this build: the viewer reads no VTK-XML data');
}
