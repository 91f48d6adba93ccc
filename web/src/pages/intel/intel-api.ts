// The threat-intel browser's API as the web UI calls it. The shapes are the server's schemas.
import { api, type Query } from '../../api/client.ts';
import type {
  ImportStatus, IntelCollection, IntelCollectionList, ObjectDetail as ServerObjectDetail, ObjectPage, ObjectSummary,
  CollectionRef, Readers,
} from '../../../../src/modules/taxii/browse.schema.ts';

export type { CollectionRef, ImportStatus, IntelCollection, IntelCollectionList, ObjectPage, ObjectSummary, Readers };
export type StixObject = Record<string, unknown>;
export type ObjectDetail = Omit<ServerObjectDetail, 'object'> & { object: StixObject };
export type GraphNode = ObjectDetail['related']['nodes'][number];
export type GraphEdge = ObjectDetail['related']['edges'][number];

const path = (id: string) => encodeURIComponent(id);

export const intelApi = {
  collections: () => api.get<IntelCollectionList>('/api/intel/collections'),
  objects: (query: Query) => api.get<ObjectPage>('/api/intel/objects', query),
  object: (id: string) => api.get<ObjectDetail>(`/api/intel/objects/${path(id)}`),
  importBundle: (collectionId: string, bundle: unknown) => api.post<ImportStatus>(`/api/intel/collections/${path(collectionId)}/import`, bundle),
  exportHref: (collectionId: string) => `/api/intel/collections/${path(collectionId)}/export`,
};

export const objectHref = (id: string) => `/intel/objects/${path(id)}`;
