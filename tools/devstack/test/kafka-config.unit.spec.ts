import { parseJavaMajor, serverProperties } from '../src/kafka';

describe('Java version check', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['command not found', undefined],
  ])('reads %s as %s', (output, major) => expect(parseJavaMajor(output)).toBe(major));
});

describe('broker configuration', () => {
  const props = serverProperties({ dataDir: '/d', logDir: '/l', port: 1234, controllerPort: 1235, heap: '1g' });

  it('is a combined KRaft broker and controller', () => {
    expect(props).toContain('process.roles=broker,controller');
    expect(props).toContain('controller.quorum.bootstrap.servers=127.0.0.1:1235');
    expect(props).not.toContain('zookeeper');
  });

  it('never creates topics on first use', () => expect(props).toContain('auto.create.topics.enable=false'));
});
