import { parseRoutedMessage, routedLine } from './routed-announcer.service';

describe('routed announcements', () => {
  it('a message of one line, as before grouping, is one route', () => {
    expect(parseRoutedMessage('4f1c approved')).toEqual([{ submissionId: '4f1c', to: 'approved' }]);
  });

  it('a grouped message is read back line by line', () => {
    const routes = [
      { submissionId: 'a1', to: 'approved' },
      { submissionId: 'b2', to: 'human_review' },
    ];
    expect(parseRoutedMessage(routes.map(routedLine).join('\n'))).toEqual(routes);
  });

  it.each(['', 'no-status', '\n\n'])('ignores a malformed message %j', (message) => {
    expect(parseRoutedMessage(message)).toEqual([]);
  });
});
