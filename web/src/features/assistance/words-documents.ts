/** Words of an application's supporting documents and the receipt checks: Chinese first, each with its English. */
export const assistanceDocumentWords = {
  zh: {
    assistanceDocuments: {
      title: '证明材料',
      upload: '上传证明材料',
      hint: '可上传 PDF、JPG、PNG 文件，每份不超过 5 MB，每份申请最多 {{max}} 份。文件名仅显示首字。',
      none: '尚未上传证明材料',
      wrongKind: '只能上传 PDF、JPG 或 PNG 文件。',
      tooLarge: '文件不能超过 5 MB。',
      empty: '文件是空的，请重新选择。',
      uploadFailed: '上传失败，请稍后重试。',
      download: '下载',
      downloadTitle: '下载证明材料 {{name}}',
      audited: '证明材料含个人信息，下载将记录您的姓名、时间和事由。',
      reason: '下载事由',
      reasonLength: '5 至 200 个字。',
    },
  },
  en: {
    assistanceDocuments: {
      title: 'Supporting documents',
      upload: 'Upload a document',
      hint:
        'PDF, JPG or PNG files up to 5 MB each, at most {{max}} per application. ' +
        'Names show their first character only.',
      none: 'No supporting documents yet',
      wrongKind: 'Only PDF, JPG or PNG files can be uploaded.',
      tooLarge: 'A file may be at most 5 MB.',
      empty: 'The file is empty; choose another.',
      uploadFailed: 'The upload failed; try again later.',
      download: 'Download',
      downloadTitle: 'Download supporting document {{name}}',
      audited: 'Supporting documents hold personal data: your name, the time and the reason are recorded.',
      reason: 'Reason for downloading',
      reasonLength: '5 to 200 characters.',
    },
  },
};
