namespace Mrfi.Core.Models.Onnx;

/// <summary>A node the importer cannot run as written (operator, attribute, input or opset outside what is supported);
/// the loader turns it into one located config error.</summary>
internal sealed class OnnxNodeException(string message) : Exception(message);
