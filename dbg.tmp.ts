import { loadWorkbook } from './src/local/workbook/xlsx';
const t = performance.now();
try { await loadWorkbook(process.argv[2], { reader: 'streaming' }); console.log('streaming ok', performance.now() - t); } catch (e) { console.log('streaming failed', e); }
