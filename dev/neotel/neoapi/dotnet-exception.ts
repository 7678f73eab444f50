/**
 * .NET exceptions as ASMX prints them. A real NeoApi is an ASP.NET ASMX service, so its error
 * bodies are whatever `System.Web.Services` writes:
 *
 *  - HTTP GET/POST bindings: `500`, `text/plain; charset=utf-8`, body
 *    `ServerProtocol.GenerateFaultString(e, htmlEscapeMessage: true)` + CRLF. With the default
 *    `customErrors mode="RemoteOnly"` a remote client gets only the messages of the exception
 *    chain, HTML-encoded, joined by ` ---> ` (`remote`); a browser on the server itself gets the
 *    type names and stack traces (`local`).
 *  - SOAP 1.1: `500` with a `soap:Fault`; any non-SOAP exception is wrapped in
 *    `SoapException("Server was unable to process request.")`, faultcode `soap:Server`.
 *
 * Source: the .NET Framework reference source of `ServerProtocol.GenerateFaultString` and
 * `HttpServerProtocol.WriteException`.
 */

/** One exception of a chain, with the stack trace a real server would print in `local` mode. */
export interface DotNetException {
  readonly type: string;
  readonly message: string;
  readonly inner?: DotNetException;
  readonly stack: readonly string[];
}

/** How much of an exception a server shows: `remote` (customErrors on, the default for clients) or `local`. */
export type ErrorDetail = 'remote' | 'local';

const NEWLINE = '\r\n';
const END_OF_INNER = '   --- End of inner exception stack trace ---';

/** `HttpUtility.HtmlEncode`: `<`, `>`, `&`, `"`, `'` (and nothing else that matters here). */
export function htmlEncode(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `Exception.ToString()`: type, message, inner chain, stack. */
export function exceptionToString(e: DotNetException, encode: (text: string) => string = (t) => t): string {
  let text = e.type;
  if (e.message !== '') text += `: ${encode(e.message)}`;
  if (e.inner) text += ` ---> ${exceptionToString(e.inner, encode)}${NEWLINE}${END_OF_INNER}`;
  if (e.stack.length > 0) text += NEWLINE + e.stack.join(NEWLINE);
  return text;
}

/** The messages of the chain joined by ` ---> ` (customErrors on). */
export function exceptionMessages(e: DotNetException, encode: (text: string) => string = (t) => t): string {
  const parts: string[] = [];
  for (let at: DotNetException | undefined = e; at; at = at.inner) {
    const text = encode(at.message);
    parts.push(text === '' ? e.type.split('.').at(-1) ?? e.type : text);
  }
  return parts.join(' ---> ');
}

/** Body of an HTTP GET/POST error response (`StreamWriter.WriteLine`, hence the CRLF). */
export function httpErrorBody(e: DotNetException, detail: ErrorDetail): string {
  const text = detail === 'local' ? exceptionToString(e, htmlEncode) : exceptionMessages(e, htmlEncode);
  return text + NEWLINE;
}

/** `faultstring` of a SOAP fault (not HTML-encoded; the XML writer escapes it). */
export function soapFaultString(e: DotNetException, detail: ErrorDetail): string {
  return detail === 'local' ? exceptionToString(e) : exceptionMessages(e);
}

// Stack frames a .NET Framework 4.x server prints for the protocol-level failures.
const HTTP_READ_FRAMES = (reader: 'UrlParameterReader' | 'HtmlFormParameterReader'): string[] => [
  '   at System.Web.Services.Protocols.ValueCollectionParameterReader.Read(NameValueCollection collection)',
  `   at System.Web.Services.Protocols.${reader}.Read(HttpRequest request)`,
  '   at System.Web.Services.Protocols.HttpServerProtocol.ReadParameters()',
  '   at System.Web.Services.Protocols.WebServiceHandler.CoreProcessRequest()',
];

/** `Missing parameter: X.` (ValueCollectionParameterReader). */
export function missingParameter(name: string, binding: 'get' | 'post'): DotNetException {
  return {
    type: 'System.InvalidOperationException',
    message: `Missing parameter: ${name}.`,
    stack: HTTP_READ_FRAMES(binding === 'get' ? 'UrlParameterReader' : 'HtmlFormParameterReader'),
  };
}

/** .NET full names of the XSD types (`Cannot convert x to System.Int32.`). */
export const DOTNET_TYPE_NAMES = { string: 'System.String', int: 'System.Int32', boolean: 'System.Boolean', dateTime: 'System.DateTime' } as const;

/**
 * `ScalarFormatter.FromString` failing: `ArgumentException("Cannot convert v to T.", "type", inner)`.
 * In .NET Framework the parameter name is appended to the message on its own line.
 */
export function cannotConvert(value: string, typeName: string, inner: DotNetException, binding: 'get' | 'post'): DotNetException {
  return {
    type: 'System.ArgumentException',
    message: `Cannot convert ${value} to ${typeName}.${NEWLINE}Parameter name: type`,
    inner,
    stack: ['   at System.Web.Services.Protocols.ScalarFormatter.FromString(String value, Type type)', ...HTTP_READ_FRAMES(binding === 'get' ? 'UrlParameterReader' : 'HtmlFormParameterReader')],
  };
}

/** The conversion failures of `Convert.ChangeType` with the invariant culture. */
export const conversionFailures = {
  format: (): DotNetException => ({
    type: 'System.FormatException',
    message: 'Input string was not in a correct format.',
    stack: [
      '   at System.Number.StringToNumber(String str, NumberStyles options, NumberBuffer& number, NumberFormatInfo info, Boolean parseDecimal)',
      '   at System.Number.ParseInt32(String s, NumberStyles style, NumberFormatInfo info)',
      '   at System.String.System.IConvertible.ToInt32(IFormatProvider provider)',
      '   at System.Convert.ChangeType(Object value, Type conversionType, IFormatProvider provider)',
      '   at System.Web.Services.Protocols.ScalarFormatter.FromString(String value, Type type)',
    ],
  }),
  overflow: (): DotNetException => ({
    type: 'System.OverflowException',
    message: 'Value was either too large or too small for an Int32.',
    stack: [
      '   at System.Number.ParseInt32(String s, NumberStyles style, NumberFormatInfo info)',
      '   at System.String.System.IConvertible.ToInt32(IFormatProvider provider)',
      '   at System.Convert.ChangeType(Object value, Type conversionType, IFormatProvider provider)',
      '   at System.Web.Services.Protocols.ScalarFormatter.FromString(String value, Type type)',
    ],
  }),
  boolean: (): DotNetException => ({
    type: 'System.FormatException',
    message: 'String was not recognized as a valid Boolean.',
    stack: [
      '   at System.Boolean.Parse(String value)',
      '   at System.String.System.IConvertible.ToBoolean(IFormatProvider provider)',
      '   at System.Convert.ChangeType(Object value, Type conversionType, IFormatProvider provider)',
      '   at System.Web.Services.Protocols.ScalarFormatter.FromString(String value, Type type)',
    ],
  }),
  dateTime: (): DotNetException => ({
    type: 'System.FormatException',
    message: 'String was not recognized as a valid DateTime.',
    stack: [
      '   at System.DateTimeParse.Parse(String s, DateTimeFormatInfo dtfi, DateTimeStyles styles)',
      '   at System.String.System.IConvertible.ToDateTime(IFormatProvider provider)',
      '   at System.Convert.ChangeType(Object value, Type conversionType, IFormatProvider provider)',
      '   at System.Web.Services.Protocols.ScalarFormatter.FromString(String value, Type type)',
    ],
  }),
} as const;

/** `<Method> Web Service method name is not valid.` (unknown method over HTTP GET/POST). */
export function methodNameNotValid(name: string): DotNetException {
  return {
    type: 'System.InvalidOperationException',
    message: `${name} Web Service method name is not valid.`,
    stack: [
      '   at System.Web.Services.Protocols.HttpServerProtocol.Initialize()',
      '   at System.Web.Services.Protocols.ServerProtocol.SetContext(Type type, HttpContext context, HttpRequest request, HttpResponse response)',
      '   at System.Web.Services.Protocols.ServerProtocolFactory.Create(Type type, HttpContext context, HttpRequest request, HttpResponse response, Boolean& abortProcessing)',
    ],
  };
}

/** `Request format is unrecognized for URL unexpectedly ending in '/X'.` (no protocol accepts the request). */
export function requestFormatUnrecognized(ending: string): DotNetException {
  return {
    type: 'System.InvalidOperationException',
    message: `Request format is unrecognized for URL unexpectedly ending in '${ending}'.`,
    stack: [
      '   at System.Web.Services.Protocols.WebServiceHandlerFactory.CoreGetHandler(Type type, HttpContext context, HttpRequest request, HttpResponse response)',
      '   at System.Web.Services.Protocols.WebServiceHandlerFactory.GetHandler(HttpContext context, String verb, String url, String filePath)',
      '   at System.Web.Script.Services.ScriptHandlerFactory.GetHandler(HttpContext context, String requestType, String url, String pathTranslated)',
    ],
  };
}

/** A business exception thrown by the web method itself (`throw new Exception("…")`). */
export function applicationException(type: string, message: string, method: string, params: readonly { name: string; type: string }[]): DotNetException {
  const signature = params.map((p) => `${DOTNET_TYPE_NAMES[p.type as keyof typeof DOTNET_TYPE_NAMES].replace('System.', '')} ${p.name}`).join(', ');
  return { type, message, stack: [`   at NeoApi.WebService.${method}(${signature})`] };
}

/**
 * ASP.NET's own error page, for failures before any web-service protocol takes the request
 * (`Request format is unrecognized…`): HTML, status 500. With customErrors `RemoteOnly` a remote
 * client gets the generic "Runtime Error" page; a local one the "yellow screen" with the message.
 */
export function aspNetErrorPage(e: DotNetException, detail: ErrorDetail): string {
  const style = 'body{font-family:"Verdana";font-weight:normal;font-size:.7em;color:black} H1{font-family:"Verdana";font-weight:normal;font-size:18pt;color:red} H2{font-family:"Verdana";font-weight:normal;font-size:14pt;color:maroon}';
  if (detail === 'remote') {
    return (
      `<!DOCTYPE html>\r\n<html>\r\n    <head>\r\n        <title>Runtime Error</title>\r\n        <meta name="viewport" content="width=device-width" />\r\n        <style>${style}</style>\r\n    </head>\r\n\r\n` +
      `    <body bgcolor="white">\r\n\r\n            <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>\r\n\r\n` +
      '            <h2> <i>Runtime Error</i> </h2></span>\r\n\r\n' +
      '            <b> Description: </b>An application error occurred on the server. The current custom error settings for this application prevent the details of the application error from being viewed remotely (for security reasons). It could, however, be viewed by browsers running on the local server machine.\r\n' +
      '    </body>\r\n</html>\r\n'
    );
  }
  const message = htmlEncode(e.message);
  return (
    `<!DOCTYPE html>\r\n<html>\r\n    <head>\r\n        <title>${message}</title>\r\n        <meta name="viewport" content="width=device-width" />\r\n        <style>${style}</style>\r\n    </head>\r\n\r\n` +
    `    <body bgcolor="white">\r\n\r\n            <span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>\r\n\r\n` +
    `            <h2> <i>${message}</i> </h2></span>\r\n\r\n` +
    `            <b> Exception Details: </b>${htmlEncode(e.type)}: ${message}<br><br>\r\n\r\n` +
    `            <b>Stack Trace:</b> <br><br>\r\n\r\n            <table width=100% bgcolor="#ffffcc">\r\n               <tr>\r\n                  <td>\r\n                      <code><pre>\r\n\r\n[${htmlEncode(e.type.split('.').at(-1) ?? e.type)}: ${message}]\r\n${htmlEncode(e.stack.join('\r\n'))}\r\n</pre></code>\r\n\r\n                  </td>\r\n               </tr>\r\n            </table>\r\n\r\n    </body>\r\n</html>\r\n`
  );
}
