// The api imports scoring to check policies; these libraries are loaded only when a gate needs
// them, so a process that never parses SQL or a phone number does not carry them in memory.
const LAZY = ['node-sql-parser', 'google-libphonenumber'];

function withLoadsCounted(run: (loaded: string[]) => void): void {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    for (const name of LAZY)
      jest.doMock(name, () => {
        loaded.push(name);
        return jest.requireActual(name);
      });
    run(loaded);
  });
}

describe('heavy gate dependencies', () => {
  it('are not loaded when the scoring lib is imported', () => {
    withLoadsCounted((loaded) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../index');
      expect(loaded).toEqual([]);
    });
  });

  it('are loaded once, at the first SQL parse and the first phone candidate', () => {
    withLoadsCounted((loaded) => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { sqlParser } = require('./sql/sql-parser') as typeof import('./sql/sql-parser');
      const { detectPii } =
        require('./pii-detectors.util') as typeof import('./pii-detectors.util');
      /* eslint-enable @typescript-eslint/no-require-imports */
      expect(sqlParser().astify('SELECT 1')).toBeTruthy();
      expect(sqlParser()).toBe(sqlParser());
      const found = detectPii('call +60 12-345 6789 today', new Set(['phone']), ['MY']);
      expect(found.map((m) => m.kind)).toEqual(['phone']);
      detectPii('or +60 12-345 6780', new Set(['phone']), ['MY']);
      expect(loaded.sort()).toEqual(['google-libphonenumber', 'node-sql-parser']);
    });
  });
});
