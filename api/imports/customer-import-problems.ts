import { problem } from '../../engine/validation/problem.ts';
import { HttpProblem, validationFailed } from '../http/http-problem.ts';

export function fileTooLarge(limitBytes: number): HttpProblem {
  const mb = Math.round(limitBytes / 1024 / 1024);
  return new HttpProblem(
    413,
    'file-too-large',
    { en: 'File too large', 'zh-CN': '文件过大' },
    { en: `The file is larger than ${mb} MB; split it into smaller files and import each.`, 'zh-CN': `文件超过 ${mb} MB，请拆分成较小的文件后分别导入。` },
  );
}

export function unsupportedFileType(contentType: string): HttpProblem {
  return new HttpProblem(
    415,
    'unsupported-file-type',
    { en: 'Unsupported file type', 'zh-CN': '不支持的文件类型' },
    {
      en: `Send an .xlsx or a .csv file (received ${contentType || 'no Content-Type'}); name it in ?fileName=… with its extension.`,
      'zh-CN': `请上传 .xlsx 或 .csv 文件（收到的是 ${contentType || '无 Content-Type'}）；在 ?fileName=… 中写明带扩展名的文件名。`,
    },
  );
}

export function unreadableFile(format: string, why: string): HttpProblem {
  return validationFailed([
    problem('/file', 'import.unreadable', `Cannot read this .${format} file: ${why}.`, `无法读取此 .${format} 文件：${why}。`),
  ]);
}

export function noSuchImport(id: number | string): HttpProblem {
  return new HttpProblem(
    404,
    'not-found',
    { en: 'No such import', 'zh-CN': '导入任务不存在' },
    { en: `There is no import ${id} that you may see.`, 'zh-CN': `不存在您可查看的导入任务 ${id}。` },
  );
}

export function importNotStartable(status: string, mode: string | null): HttpProblem {
  return new HttpProblem(
    409,
    'import-state',
    { en: 'Import cannot start', 'zh-CN': '导入无法开始' },
    {
      en: `This import is ${status}${mode === null ? '' : ` (${mode})`}: a file is imported once; while a run is queued or running, wait for it or cancel it.`,
      'zh-CN': `该导入任务当前为 ${status}${mode === null ? '' : `（${mode}）`}：一个文件只能导入一次；任务排队或运行中时，请等待或先取消。`,
    },
  );
}

export function importAlreadyOver(status: string): HttpProblem {
  return new HttpProblem(
    409,
    'import-state',
    { en: 'Import already over', 'zh-CN': '导入已结束' },
    { en: `This import is already ${status}; there is nothing to cancel.`, 'zh-CN': `该导入任务已${status}，无需取消。` },
  );
}
