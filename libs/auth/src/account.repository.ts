import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import {
  ApiKeyEntity,
  ClientEntity,
  ColumnMap,
  selectList,
  UserEntity,
  UserRole,
} from '@arbiter/persistence';

export interface ApiKeyPrincipal {
  keyId: string;
  clientId: string;
  clientName: string;
  allowedPipelines: string[] | null;
  workspaceId: string;
}

/** Where each field of ApiKeyPrincipal lives: the key `k` and its client `c`. */
const PRINCIPAL_COLUMN_MAP: ColumnMap<ApiKeyPrincipal> = {
  keyId: 'k.id',
  clientId: 'c.id',
  clientName: 'c.name',
  allowedPipelines: 'c.allowed_pipelines',
  workspaceId: 'c.workspace_id',
};
const PRINCIPAL_COLUMNS = selectList(PRINCIPAL_COLUMN_MAP);

/** Clients, their API keys, and users. */
@Injectable()
export class AccountRepository {
  constructor(private readonly db: DataSource) {}

  /** The client behind a live (not revoked) key hash, or null. */
  async findPrincipalByKeyHash(keyHash: string): Promise<ApiKeyPrincipal | null> {
    const rows: ApiKeyPrincipal[] = await this.db.query(
      `SELECT ${PRINCIPAL_COLUMNS}
         FROM api_keys k JOIN clients c ON c.id = k.client_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  async createClient(
    client: Pick<ClientEntity, 'id' | 'name' | 'allowedPipelines' | 'workspaceId'>,
  ): Promise<void> {
    await this.db.getRepository(ClientEntity).insert(client);
  }

  async createApiKey(
    key: Pick<ApiKeyEntity, 'id' | 'clientId' | 'name' | 'keyPrefix' | 'keyHash'>,
  ): Promise<void> {
    await this.db.getRepository(ApiKeyEntity).insert(key);
  }

  /** API keys, of one workspace's clients when given one. */
  async listApiKeys(workspaceId: string | null = null): Promise<ApiKeyEntity[]> {
    const clients = workspaceId ? (await this.listClients(workspaceId)).map((c) => c.id) : null;
    return this.db.getRepository(ApiKeyEntity).find({
      where: clients ? { clientId: In(clients) } : {},
      order: { createdAt: 'ASC' },
    });
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const result = await this.db
      .getRepository(ApiKeyEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Clients, of one workspace when given one. */
  listClients(workspaceId: string | null = null): Promise<ClientEntity[]> {
    return this.db
      .getRepository(ClientEntity)
      .find({ where: workspaceId ? { workspaceId } : {}, order: { createdAt: 'ASC' } });
  }

  findClient(id: string): Promise<ClientEntity | null> {
    return this.db.getRepository(ClientEntity).findOneBy({ id });
  }

  async countClients(): Promise<number> {
    return this.db.getRepository(ClientEntity).count();
  }

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  findUserById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  async createUser(user: {
    id: string;
    email: string;
    passwordHash: string | null;
    role: UserRole;
    skills?: string[];
  }): Promise<void> {
    await this.db
      .getRepository(UserEntity)
      .insert({ ...user, skills: user.skills ?? [], email: user.email.toLowerCase() });
  }

  async updateUser(id: string, changes: { role?: UserRole; skills?: string[] }): Promise<void> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await this.db.getRepository(UserEntity).update({ id }, set);
  }

  listUsers(): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } });
  }

  async countUsers(): Promise<number> {
    return this.db.getRepository(UserEntity).count();
  }
}
