namespace DocumentApi.Core.Ports;

/// <summary>
/// Storage did not answer or answered with a transient error. The HTTP layer turns it into 503; triggers let their
/// retry policy run. The message is for logs, never for clients. Storage implementations throw their own subclass.
/// </summary>
public class DocumentStoreUnavailableException : Exception
{
    public DocumentStoreUnavailableException()
    {
    }

    public DocumentStoreUnavailableException(string message)
        : base(message)
    {
    }

    public DocumentStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
