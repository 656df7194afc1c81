import { useEffect, useState } from 'react';
import { checkReadiness, type Readiness } from '@/health';

const labels: Record<Readiness, string> = {
  checking: '正在检查服务状态…',
  ready: '服务正常',
  unavailable: '服务暂不可用',
};

/** Placeholder shell until the SPA issue: shows the API's readiness and links to its documentation. */
export function App({ check = checkReadiness }: { check?: () => Promise<Readiness> }) {
  const [readiness, setReadiness] = useState<Readiness>('checking');
  useEffect(() => {
    let active = true;
    void check().then((result) => active && setReadiness(result));
    return () => {
      active = false;
    };
  }, [check]);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '4rem auto', padding: '0 1rem' }}>
      <h1>基层 · Jiceng</h1>
      <p>基层党建工作平台：党组织、党员、志愿服务、集体经济分红、党内关怀帮扶。</p>
      <p role="status">{labels[readiness]}</p>
      <p>
        <a href="/swagger">API 文档（Swagger）</a>
      </p>
    </main>
  );
}
