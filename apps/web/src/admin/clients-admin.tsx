import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiKeyView, ClientView, CreatedApiKey } from '@arbiter/contracts';
import { api } from '../api/session';
import { formatClock } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';

/** Submitting services and their API keys; a new key is shown once, here, and never again. */
export function ClientsAdmin({ onNotice }: { onNotice(text: string): void }) {
  const [clients, setClients] = useState<ClientView[]>([]);
  const [keys, setKeys] = useState<ApiKeyView[]>([]);
  const [name, setName] = useState('');
  const [keyName, setKeyName] = useState('');
  const [clientId, setClientId] = useState('');
  const [fresh, setFresh] = useState<CreatedApiKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([
      api<ClientView[]>('GET', '/v1/clients'),
      api<ApiKeyView[]>('GET', '/v1/api-keys'),
    ]).then(
      ([c, k]) => {
        setClients(c);
        setKeys(k);
        setClientId((id) => id || c[0]?.id || '');
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);
  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const createClient = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const c = await api<ClientView>('POST', '/v1/clients', { name });
      setName('');
      onNotice(`Client ${c.name} registered.`);
    });
  };
  const createKey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setFresh(await api<CreatedApiKey>('POST', '/v1/api-keys', { clientId, name: keyName }));
      setKeyName('');
    });
  };
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="admin-section">
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {fresh && (
        <div className="new-key" role="region" aria-label="New API key">
          <p>
            <b>Copy this key now: it is shown once and never stored.</b> ({fresh.name},{' '}
            {clientName(fresh.clientId)})
          </p>
          <code className="secret">{fresh.key}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(fresh.key)}>
            Copy
          </button>{' '}
          <button type="button" className="link" onClick={() => setFresh(null)}>
            I have stored it
          </button>
        </div>
      )}
      <div className="two-up">
        <form className="card form-grid" onSubmit={createClient} aria-labelledby="new-client-title">
          <h3 id="new-client-title">New client</h3>
          <label>
            Client name
            <input required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="primary">
            Register client
          </button>
        </form>
        <form className="card form-grid" onSubmit={createKey} aria-labelledby="new-key-title">
          <h3 id="new-key-title">New API key</h3>
          <label>
            For client
            <select value={clientId} onChange={(e) => setClientId(e.target.value)} required>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Key name
            <input required value={keyName} onChange={(e) => setKeyName(e.target.value)} />
          </label>
          <button type="submit" className="primary">
            Issue key
          </button>
        </form>
      </div>
      <section className="card" aria-labelledby="keys-title">
        <h3 id="keys-title">API keys</h3>
        <ScrollTable label="API keys" columns={['Name', 'Client', 'Prefix', 'Created', 'Status']}>
          {keys.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{clientName(k.clientId)}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{formatClock(k.createdAt)}</td>
              <td>
                {k.revokedAt ? (
                  `✗ revoked ${formatClock(k.revokedAt)}`
                ) : (
                  <button
                    type="button"
                    onClick={() =>
                      void run(async () => {
                        await api('DELETE', `/v1/api-keys/${k.id}`);
                        onNotice(`Key ${k.name} revoked.`);
                      })
                    }
                  >
                    Revoke {k.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>
    </div>
  );
}
