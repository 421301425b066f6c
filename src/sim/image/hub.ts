/**
 * What the simulated Docker Hub's search (index.docker.io/v1/search) says of the fixture registry's
 * docker.io repositories. Descriptions are Docker Hub's short descriptions, each from where it is
 * published: the official images' docker-library/docs README-short.txt (at the commit cited), the
 * others' Hub pages. Star counts are fixture values (Hub's change daily): no upstream source.
 * The fixture's repositories not listed here (example/app, library/kubia, library/zombie-maker, the private
 * acme/private-app) exist only in the simulator: search does not find them.
 */
export interface HubEntry {
  description: string;
  stars: number;
}

export const HUB: Readonly<Record<string, HubEntry>> = {
  // docker-library/docs@9538ebb6db185c1af157d927445d856b0ec46edc:nginx/README-short.txt
  'library/nginx': { description: 'Official build of Nginx.', stars: 20512 },
  // Docker Hub's page of alpine (hub.docker.com/_/alpine), as `docker search alpine` prints it.
  'library/alpine': { description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11160 },
  // docker-library/docs@c141e963396277ebe1c4c8a77afaf28e514c4b3c:debian/README-short.txt
  'library/debian': { description: '(Semi) Official Debian base image.', stars: 5124 },
  // docker-library/docs@0bfa713d790be4b5c0ce69ff138874b84a4b0327:golang/README-short.txt
  'library/golang': { description: 'Go (golang) is a general purpose, higher-level, imperative programming language.', stars: 4890 },
  // docker-library/docs@87aa71458bb6ed9c3d44cdd0f336ebc213b5aefc:node/README-short.txt (three lines; search joins them with blanks)
  'library/node': {
    description:
      'Node.js is a software platform for scalable server-side and networking applications.\nNode.js applications are written in JavaScript and run within the Node.js runtime\non Mac OS X, Windows, and Linux.',
    stars: 13701,
  },
  // docker-library/docs@e549e996886bbcf2bf4d0a2f504daeca894e61e0:busybox/README-short.txt
  'library/busybox': { description: 'Busybox base image.', stars: 3340 },
  // docker-library/docs@9a94ae1827fcde48dfc1d83e5d7a14ce20b0c7a5:registry/README-short.txt
  'library/registry': { description: 'Distribution implementation for storing and distributing of container images and artifacts', stars: 4102 },
  // docker-library/docs@2660c0fe20093456a462db437a9e894429d2d42a:memcached/README-short.txt
  'library/memcached': { description: 'Free & open source, high-performance, distributed memory object caching system.', stars: 2403 },
  // docker-library/docs@6b353f034708b043c6916dace89a0875c317363c:buildpack-deps/README-short.txt
  'library/buildpack-deps': { description: 'A collection of common build dependencies used for installing various modules, e.g., gems.', stars: 612 },
  // Not official images: Hub pages whose short description is empty; counts are fixture values.
  'nginxinc/nginx-unprivileged': { description: '', stars: 152 },
  'luksa/kubia': { description: '', stars: 9 },
  'progrium/stress': { description: '', stars: 47 },
  'cloudnatived/demo': { description: '', stars: 3 },
};
