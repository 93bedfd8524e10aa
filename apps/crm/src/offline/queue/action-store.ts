import type { DBSchema, IDBPDatabase } from 'idb'
import { offlineDatabasePrefix } from '../offline-contract.ts'
import type { ActionStore, QueuedAction, RecordVersion } from './types.ts'

interface QueueSchema extends DBSchema {
  actions: { key: string; value: QueuedAction; indexes: { seq: number } }
  versions: { key: string; value: { recordId: string } & RecordVersion }
}

export interface OpenedStore extends ActionStore {
  close(): void
}

/** The signed-in user's queue database (`crm-offline:<user id>`); idb is loaded only here. */
export async function openActionStore(userId: string): Promise<OpenedStore> {
  const { openDB } = await import('idb')
  const db: IDBPDatabase<QueueSchema> = await openDB<QueueSchema>(
    `${offlineDatabasePrefix}:${userId}`,
    1,
    {
      upgrade(database) {
        database.createObjectStore('actions', { keyPath: 'key' }).createIndex('seq', 'seq')
        database.createObjectStore('versions', { keyPath: 'recordId' })
      },
      // Sign-out deletes the database: let it go rather than hold it open.
      blocking() {
        db.close()
      },
    },
  )
  return {
    all: () => db.getAllFromIndex('actions', 'seq'),
    put: async (action) => {
      await db.put('actions', action)
    },
    delete: (key) => db.delete('actions', key),
    knownVersions: async () =>
      Object.fromEntries(
        (await db.getAll('versions')).map((row) => [
          row.recordId,
          { updatedAt: row.updatedAt, status: row.status },
        ]),
      ),
    rememberVersion: async (recordId, version) => {
      await db.put('versions', { recordId, ...version })
    },
    close: () => db.close(),
  }
}
