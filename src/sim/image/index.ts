/**
 * The content-addressed image store, registry, overlay and builder: the public
 * surface the daemon and the docker commands use. See README.md in this folder.
 */
export { sha256Digest, sha256Hex, canonicalJson, chainId, chainIds, shortId, isSha256Digest, EMPTY_BLOB_DIGEST, type Digest } from './digest.ts';
export { humanSize, humanDuration, createdAgo } from './units.ts';
export { TreeBuilder, mergeLayers, contentSize, type Tree, type Entry } from './tree.ts';
export { buildLayer, layerTar, listTar, type Layer } from './layer.ts';
export { createImage, createIndex, withFlavor, historyRows, MEDIA, type Image, type ImageIndex, type RunConfig, type HistoryEntry } from './image.ts';
export { Registry, type RegistryHost, type Repository, type ManifestRecord } from './registry.ts';
export { ImageStore, displayRef, type LocalImage, type CmdResult } from './store.ts';
export { ImageService, type PullResult } from './service.ts';
export { formatImages, formatHistory, inspectImage, tabwrite, type ImagesOptions } from './format.ts';
export { OverlayRoot, OverlayError, formatDiff, type Change } from './overlay.ts';
export { containerRootfs, commitImage, imageGraphDriver, initLayerTree, OVERLAY2, type ContainerRootfs, type GraphDriverData } from './container-fs.ts';
export { registryImageSource, describeRootfs } from './adapter.ts';
export { VolumeStore, type Volume } from './volumes.ts';
export { CATALOG } from './bases/catalog-more.ts';
export { materialize, type BaseImageDef } from './bases/define.ts';
export { Builder, type BuildOptions, type BuildResult } from '../build/builder.ts';
export { AptMirror } from '../build/packages.ts';
export { runImageBench, benchBuild, benchPull } from './bench.ts';
